import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

import { createDataSource, EmbeddedTimescale, startEmbeddedTimescale } from '../src';
import { copyTemplateDataDir } from '../src/testing/template-data-dir';
import { pollUntil, quietLogger } from './support';

async function answers(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

function tryListen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('the embedded TimescaleDB lives and dies with its app', () => {
  let dataDir: string;
  let db: EmbeddedTimescale | undefined;
  let app: DataSource | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-supervision-'));
    await copyTemplateDataDir(dataDir);
  });

  afterEach(async () => {
    if (app?.isInitialized) {
      await app.destroy();
    }
    await db?.stop();
    app = undefined;
    db = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  // Finding 3: after a kill -9 of the child the app answered 503 forever and nothing was logged.
  it('logs the death of the child at error, restarts it on the same port and the pool carries on with the data', async () => {
    const logger = quietLogger();
    db = await startEmbeddedTimescale({ dataDir, port: 0, logger });
    app = createDataSource({ url: db.url, embedded: true });
    await app.initialize();
    await app.query('CREATE TABLE kept (value text NOT NULL)');
    await app.query(`INSERT INTO kept VALUES ('committed before the kill')`);
    const killed = db.pid;

    process.kill(killed, 'SIGKILL');

    await pollUntil(() => logger.errors.length > 0);
    await pollUntil(() => answers(app!));
    expect(db.pid).not.toBe(killed);
    expect(logger.errors).toEqual([
      expect.stringContaining(`embedded TimescaleDB (pid ${killed}) died with signal SIGKILL`),
    ]);
    expect(logger.lines).toContain(`restarting embedded TimescaleDB on 127.0.0.1:${db.port}`);
    expect(await app.query('SELECT value FROM kept')).toEqual([
      { value: 'committed before the kill' },
    ]);
  });

  // PGlite aborts on COPY FROM STDIN over the wire ("unreachable") and was then broken for good,
  // answering every later connection with a dropped socket while the child stayed alive.
  it('replaces a child whose PGlite aborted', async () => {
    const logger = quietLogger();
    db = await startEmbeddedTimescale({ dataDir, port: 0, logger });
    const client = new Client({ connectionString: db.url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('CREATE TABLE copied (n int)');
    const aborted = db.pid;

    await expect(
      pipeline(Readable.from(['1\n']), client.query(copyFrom('COPY copied FROM STDIN'))),
    ).rejects.toThrow();

    await pollUntil(() => logger.errors.length > 0);
    expect(logger.errors[0]).toMatch(
      new RegExp(
        `\\(pid ${aborted}\\) died with exit code 1: embedded TimescaleDB: PGlite failed: `,
      ),
    );
    app = createDataSource({ url: db.url, embedded: true });
    await pollUntil(async () => {
      try {
        await app!.initialize();
        return true;
      } catch {
        return false;
      }
    });
    expect(await app.query(`SELECT to_regclass('copied')::text AS name`)).toEqual([
      { name: 'copied' },
    ]);
  });

  it('gives up after three failures within a minute and says so', async () => {
    const logger = quietLogger();
    const gaveUp: Error[] = [];
    db = await startEmbeddedTimescale({
      dataDir,
      port: 0,
      logger,
      onGiveUp: (error) => gaveUp.push(error),
    });
    const { port } = db;

    process.kill(db.pid, 'SIGKILL');
    // Take the port the moment the dead child frees it, so every restart finds it in use.
    let blocker: Server | undefined;
    await pollUntil(async () => (blocker = await tryListen(port)) !== undefined);
    try {
      await pollUntil(() => gaveUp.length > 0);
    } finally {
      await new Promise((resolve) => blocker!.close(resolve));
    }

    expect(gaveUp[0].message).toBe('embedded TimescaleDB failed 3 times within 60 s; giving up');
    expect(logger.errors).toEqual([
      expect.stringContaining('died with signal SIGKILL'),
      expect.stringContaining('could not be restarted: '),
      expect.stringContaining('could not be restarted: '),
      'embedded TimescaleDB failed 3 times within 60 s; giving up',
    ]);
    expect(logger.errors[1]).toContain('the port is already in use');
  });

  it('stops a frozen child anyway: stop() kills it when it does not close in time', async () => {
    const frozen = await startEmbeddedTimescale({ dataDir, port: 0, logger: quietLogger() });
    process.kill(frozen.pid, 'SIGSTOP');

    await expect(frozen.stop()).rejects.toThrow(/did not stop within \d+ ms and was killed/);
    expect(() => process.kill(frozen.pid, 0)).toThrow();
  });
});
