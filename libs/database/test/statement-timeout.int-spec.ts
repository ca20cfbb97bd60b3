import { DataSource } from 'typeorm';

import { createDataSource, QueryTimeoutError, queryWithTimeout } from '../src';
import {
  startPostgresServer,
  startTestDatabase,
  type PostgresTestServer,
  type TestDatabase,
} from '../src/testing';
import { startHeldAnswersProxy, type HeldAnswersProxy } from './held-answers-proxy';
import { pollUntil } from './support';

async function sessionTimeout(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<{ statement_timeout: string }[]>('SHOW statement_timeout');
  return row?.statement_timeout ?? '';
}

describe('queryWithTimeout on a PostgreSQL server', () => {
  let server: PostgresTestServer;
  let dataSource: DataSource;

  beforeAll(async () => {
    server = await startPostgresServer();
    // One connection, as behind a transaction-mode pooler: whatever the query leaves, the next sees.
    dataSource = createDataSource({ url: server.url, embedded: false, poolSize: 1 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await server?.stop();
  });

  it('cancels a query that runs past the timeout as a QueryTimeoutError', async () => {
    const slow = queryWithTimeout(dataSource, 'SELECT pg_sleep(60)', [], 200);
    await expect(slow).rejects.toBeInstanceOf(QueryTimeoutError);
    await expect(slow).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
      details: { timeoutMs: 200 },
    });
  });

  it('leaves the connection usable and the session setting untouched', async () => {
    await expect(queryWithTimeout(dataSource, 'SELECT pg_sleep(60)', [], 100)).rejects.toThrow();
    expect(await sessionTimeout(dataSource)).toBe('0');
    expect(await queryWithTimeout(dataSource, 'SELECT $1::int + 1 AS n', [41])).toEqual([
      { n: 42 },
    ]);
  });

  it('lets a query within the timeout through, with the timeout in force', async () => {
    expect(
      await queryWithTimeout(
        dataSource,
        "SELECT current_setting('statement_timeout') AS t",
        [],
        1500,
      ),
    ).toEqual([{ t: '1500ms' }]);
  });
});

describe('queryWithTimeout round trips', () => {
  let server: PostgresTestServer;
  let proxy: HeldAnswersProxy;
  let dataSource: DataSource;

  beforeAll(async () => {
    server = await startPostgresServer();
    const { hostname, port } = new URL(server.url);
    proxy = await startHeldAnswersProxy({ host: hostname, port: Number(port) });
    const url = new URL(server.url);
    url.port = String(proxy.port);
    dataSource = createDataSource({ url: url.toString(), embedded: false, poolSize: 1 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await proxy?.close();
    await server?.stop();
  });

  it('sends BEGIN, the timeout, the query and COMMIT before the first answer comes back', async () => {
    await dataSource.query('SELECT 1');
    const sent = proxy.statements;
    proxy.hold();
    const read = queryWithTimeout(dataSource, 'SELECT $1::int * 2 AS n', [21], 1_000);
    try {
      await pollUntil(() => proxy.statements - sent >= 4, 10_000);
    } finally {
      proxy.release();
    }
    await expect(read).resolves.toEqual([{ n: 42 }]);
    expect(proxy.statements - sent).toBe(4);
  });
});

describe('queryWithTimeout on the embedded TimescaleDB', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await startTestDatabase();
    dataSource = await database.freshDataSource();
  });

  afterAll(async () => {
    await database?.stop();
  });

  it('sets the timeout for its transaction only (PGlite accepts it, though it never fires)', async () => {
    expect(
      await queryWithTimeout(dataSource, "SELECT current_setting('statement_timeout') AS t"),
    ).toEqual([{ t: '5s' }]);
    expect(await sessionTimeout(dataSource)).toBe('0');
  });

  // The engine fact behind the API's limits: single-threaded WASM, its timer cannot interrupt a
  // running query. When this fails, PGlite enforces the timeout: update the READMEs.
  it('is not enforced by PGlite: a 300 ms sleep under a 50 ms timeout completes', async () => {
    await expect(
      queryWithTimeout(dataSource, 'SELECT pg_sleep(0.3) AS slept', [], 50),
    ).resolves.toEqual([{ slept: '' }]);
  });

  it('rolls back a failed query and keeps the connection usable', async () => {
    await expect(queryWithTimeout(dataSource, 'SELECT 1 / 0')).rejects.toMatchObject({
      code: '22012',
    });
    expect(await queryWithTimeout(dataSource, 'SELECT 2 AS n')).toEqual([{ n: 2 }]);
  });
});
