import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, DatabaseError } from 'pg';
import { DataSource } from 'typeorm';

import { createDataSource, EmbeddedTimescale, startEmbeddedTimescale } from '../src';
import { copyTemplateDataDir } from '../src/testing/template-data-dir';
import { pollUntil, quietLogger } from './support';

const NOT_THE_APP = /serves only the Nexwave app that started it.*DATABASE_URL/;

/** The app's side: a DataSource as the app builds it (pool of one) querying in a loop. */
function queryInLoop(dataSource: DataSource): { count: () => number; stop: () => Promise<void> } {
  let count = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await dataSource.query('SELECT 1');
      count += 1;
    }
  })();
  return {
    count: () => count,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function strangerPg(url: string): Promise<DatabaseError> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    return error as DatabaseError;
  }
  await client.end();
  throw new Error('a second client was served');
}

async function strangerPsql(url: string): Promise<string> {
  try {
    await promisify(execFile)('psql', [url, '-c', 'SELECT 1'], {
      env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
    });
  } catch (error) {
    return (error as { stderr: string }).stderr;
  }
  throw new Error('psql was served');
}

describe('the embedded TimescaleDB serves only its app', () => {
  let dataDir: string;
  let db: EmbeddedTimescale;
  let app: DataSource;
  let strangerUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-one-client-'));
    await copyTemplateDataDir(dataDir);
    db = await startEmbeddedTimescale({ dataDir, port: 0, logger: quietLogger() });
    strangerUrl = `postgres://postgres@127.0.0.1:${db.port}/postgres`;
  });

  beforeEach(async () => {
    app = createDataSource({ url: db.url, embedded: true });
    await app.initialize();
  });

  afterEach(async () => {
    if (app.isInitialized) {
      await app.destroy();
    }
  });

  afterAll(async () => {
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Finding 2: the app's connection plus concurrent psql sessions froze the app for good.
  it('refuses psql and other pg clients with a FATAL naming DATABASE_URL while the app keeps querying', async () => {
    const loop = queryInLoop(app);
    await pollUntil(() => loop.count() > 0);

    const [psqlErrors, pgErrors] = await Promise.all([
      Promise.all([1, 2, 3].map(() => strangerPsql(strangerUrl))),
      Promise.all([1, 2, 3].map(() => strangerPg(strangerUrl))),
    ]);

    for (const stderr of psqlErrors) {
      expect(stderr).toMatch(/FATAL: {2}this embedded TimescaleDB serves only/);
      expect(stderr).toMatch(/DATABASE_URL/);
      expect(stderr).toMatch(/HINT: .*npm run db:shell/);
    }
    for (const error of pgErrors) {
      expect(error).toBeInstanceOf(DatabaseError);
      expect(error).toMatchObject({ severity: 'FATAL', code: '53300' });
      expect(error.message).toMatch(NOT_THE_APP);
    }
    const afterStrangers = loop.count();
    await pollUntil(() => loop.count() > afterStrangers + 10);
    await loop.stop();
  });

  it('refuses a client that knows the port but guesses another user, even over the app key length', async () => {
    const guessed = db.url.replace(/\/\/nexwave_[0-9a-f]+@/, `//nexwave_${'0'.repeat(32)}@`);
    const error = await strangerPg(guessed);
    expect(error.message).toMatch(NOT_THE_APP);
  });

  it('lets the app reconnect after its connection dropped although strangers connected in between', async () => {
    await app.query('CREATE TEMP TABLE IF NOT EXISTS seen (n int)');
    await app.destroy();
    const idle = connect(db.port, '127.0.0.1');
    await new Promise((resolve) => idle.once('connect', resolve));
    try {
      await strangerPg(strangerUrl);
      await app.initialize();
      expect(await app.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    } finally {
      idle.destroy();
    }
  });

  // TypeORM opens its transactions with START TRANSACTION, which PGlite's isInTransaction() misses.
  it.each(['BEGIN', 'START TRANSACTION', 'BEGIN ISOLATION LEVEL SERIALIZABLE'])(
    'hands the session to a newer connection of the app and rolls back what the old one left open after %s',
    async (opening) => {
      const old = new Client({ connectionString: db.url });
      const oldErrors: Error[] = [];
      old.on('error', (error) => oldErrors.push(error));
      await old.connect();
      await old.query('CREATE TABLE IF NOT EXISTS handover (n int)');
      await old.query(opening);
      await old.query('INSERT INTO handover VALUES (1)');

      const [{ count }] = await app.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM handover',
      );

      expect(count).toBe(0);
      await pollUntil(() => oldErrors.length > 0);
      expect(oldErrors[0].message).toMatch(/replaced by a newer connection of the app/);
      await old.end().catch(() => undefined);
      expect(await app.query('SELECT count(*)::int AS count FROM handover')).toEqual([
        { count: 0 },
      ]);
    },
  );
});
