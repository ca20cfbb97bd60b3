import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import {
  EmbeddedTimescale,
  EmbeddedTimescaleError,
  startEmbeddedTimescale,
} from '../src/embedded-timescale';

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('startEmbeddedTimescale', () => {
  let dataDir: string;
  let db: EmbeddedTimescale | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-embedded-'));
  });

  afterEach(async () => {
    await db?.stop();
    db = undefined;
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves TimescaleDB on a free loopback port and keeps the data across a restart', async () => {
    db = await startEmbeddedTimescale({ dataDir, port: 0 });
    expect(db.url).toMatch(
      new RegExp(`^postgres://nexwave_[0-9a-f]{32}@127\\.0\\.0\\.1:${db.port}/postgres$`),
    );
    await withClient(db.url, async (client) => {
      const { rows } = await client.query<{ extversion: string }>(
        `SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'`,
      );
      expect(rows[0]?.extversion).toMatch(/^2\./);
      await client.query('CREATE TABLE kept (value text NOT NULL)');
      await client.query(`INSERT INTO kept VALUES ('survives a restart')`);
    });
    await db.stop();

    db = await startEmbeddedTimescale({ dataDir, port: 0 });
    const rows = await withClient(
      db.url,
      async (client) => (await client.query<{ value: string }>('SELECT value FROM kept')).rows,
    );
    expect(rows).toEqual([{ value: 'survives a restart' }]);
  });

  it('round-trips a message larger than 64 KB through the socket', async () => {
    db = await startEmbeddedTimescale({ dataDir, port: 0 });
    const text = 'nexwave-'.repeat(25_000);
    const echoed = await withClient(db.url, async (client) => {
      const { rows } = await client.query<{ text: string }>('SELECT $1::text AS text', [text]);
      return rows[0]?.text;
    });
    expect(echoed).toHaveLength(200_000);
    expect(echoed).toBe(text);
  });

  it('rejects with a clear message when the port is in use', async () => {
    const blocker = await listenOnFreePort();
    const { port } = blocker.address() as { port: number };
    try {
      const start = startEmbeddedTimescale({ dataDir, port });
      await expect(start).rejects.toThrow(EmbeddedTimescaleError);
      await expect(start).rejects.toThrow(
        `cannot listen on 127.0.0.1:${port}: the port is already in use`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('kills the server and rejects when it does not start in time', async () => {
    const slowDir = await mkdtemp(join(tmpdir(), 'nexwave-slow-'));
    try {
      await expect(
        startEmbeddedTimescale({ dataDir: slowDir, port: 0, startTimeoutMs: 1 }),
      ).rejects.toThrow('embedded TimescaleDB did not start within 1 ms');
    } finally {
      await rm(slowDir, { recursive: true, force: true });
    }
  });

  it('rejects with a clear message when the data directory is not a database', async () => {
    const corruptDir = await mkdtemp(join(tmpdir(), 'nexwave-corrupt-'));
    try {
      await writeFile(join(corruptDir, 'PG_VERSION'), 'not a version\n');
      await expect(startEmbeddedTimescale({ dataDir: corruptDir, port: 0 })).rejects.toThrow(
        `embedded TimescaleDB failed to start: cannot open the data directory ${corruptDir}`,
      );
    } finally {
      await rm(corruptDir, { recursive: true, force: true });
    }
  });

  it('makes the server process exit cleanly when its parent goes away', async () => {
    const child = fork(join(__dirname, '../src/embedded-timescale.child.cjs'), [dataDir, '0'], {
      execArgv: [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const exited = once(child, 'exit');
    child.send({ type: 'start', accessKey: 'nexwave_test' });
    const [ready] = (await once(child, 'message')) as [{ type: string; port: number }];
    expect(ready.type).toBe('ready');

    child.disconnect();

    expect(await exited).toEqual([0, null]);
    await expect(new Client({ host: '127.0.0.1', port: ready.port }).connect()).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
