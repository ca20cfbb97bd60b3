import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

import { DatabaseModule, MIGRATIONS, startEmbeddedTimescale } from '../src';
import { findEmbeddedChildPid } from '../src/testing';
import { copyTemplateDataDir } from '../src/testing/template-data-dir';
import { pollUntil } from './support';

/** What the app logged, as `level [context] message` lines. */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = this.record('log');
  error = this.record('error');
  warn = this.record('warn');
  debug = this.record('debug');
  verbose = this.record('verbose');

  private record(level: string) {
    return (message: unknown, ...rest: unknown[]): void => {
      this.lines.push(`${level} [${String(rest.at(-1))}] ${String(message)}`);
    };
  }
}

async function bootApp(
  options: { url?: string; embeddedDataDir: string },
  logger = new RecordingLogger(),
): Promise<TestingModule> {
  const app = await Test.createTestingModule({
    imports: [DatabaseModule.forRootAsync({ useFactory: () => ({ ...options, embeddedPort: 0 }) })],
  })
    .setLogger(logger)
    .compile();
  return app.init();
}

async function answers(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

async function appliedMigrations(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM migrations',
  );
  return row.count;
}

describe('DatabaseModule', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-module-'));
    await copyTemplateDataDir(dataDir);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the embedded TimescaleDB, migrates, and stops it after the DataSource on close', async () => {
    const logger = new RecordingLogger();
    const app = await bootApp({ embeddedDataDir: dataDir }, logger);
    expect(logger.lines.filter((line) => /\[(EmbeddedTimescale|Database)\]/.test(line))).toEqual([
      `log [EmbeddedTimescale] starting embedded TimescaleDB in ${dataDir}`,
      expect.stringMatching(
        /^log \[EmbeddedTimescale\] embedded TimescaleDB ready on 127\.0\.0\.1:\d+ in \d+\.\d s$/,
      ),
      `log [Database] applying ${MIGRATIONS.length} migrations`,
      expect.stringMatching(
        new RegExp(`^log \\[Database\\] applied ${MIGRATIONS.length} migrations in \\d+\\.\\d s$`),
      ),
    ]);
    const dataSource = app.get(DataSource);
    expect(dataSource.isInitialized).toBe(true);
    expect(dataSource.driver.options).toMatchObject({ extra: { max: 1 } });
    expect(await appliedMigrations(dataSource)).toBe(MIGRATIONS.length);
    const hypertables = await dataSource.query<{ hypertable_name: string }[]>(
      `SELECT hypertable_name FROM timescaledb_information.hypertables ORDER BY 1`,
    );
    expect(hypertables).toEqual([
      { hypertable_name: 'order_book_snapshots' },
      { hypertable_name: 'ticks' },
    ]);
    const { url } = dataSource.options as PostgresConnectionOptions;

    await app.close();

    expect(dataSource.isInitialized).toBe(false);
    await expect(new Client({ connectionString: url }).connect()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reuses the embedded data on the next boot without migrating again', async () => {
    const logger = new RecordingLogger();
    const app = await bootApp({ embeddedDataDir: dataDir }, logger);
    try {
      expect(logger.lines).toContain(
        `log [Database] schema up to date (${MIGRATIONS.length} migrations)`,
      );
      expect(logger.lines.join('\n')).not.toContain('applying');
      const dataSource = app.get(DataSource);
      expect(await appliedMigrations(dataSource)).toBe(MIGRATIONS.length);
      await expect(dataSource.runMigrations()).resolves.toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('connects to the given url and leaves that server running on close', async () => {
    const server = await startEmbeddedTimescale({ dataDir, port: 0 });
    try {
      const app = await bootApp({ url: server.url, embeddedDataDir: join(dataDir, 'unused') });
      const dataSource = app.get(DataSource);
      expect(dataSource.driver.options).toMatchObject({ url: server.url, extra: {} });
      expect(await appliedMigrations(dataSource)).toBe(MIGRATIONS.length);
      await app.close();

      const client = new Client({ connectionString: server.url });
      await client.connect();
      await client.end();
    } finally {
      await server.stop();
    }
  });

  it('restarts a killed database child and the app carries on with its data', async () => {
    const logger = new RecordingLogger();
    const app = await bootApp({ embeddedDataDir: dataDir }, logger);
    try {
      const dataSource = app.get(DataSource);
      await dataSource.query('CREATE TABLE IF NOT EXISTS module_kept (value text)');
      await dataSource.query(`INSERT INTO module_kept VALUES ('before the kill')`);
      const pid = findEmbeddedChildPid(dataDir)!;

      process.kill(pid, 'SIGKILL');

      await pollUntil(() => logger.lines.some((line) => line.startsWith('error')));
      await pollUntil(() => answers(dataSource));
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^error \\[EmbeddedTimescale\\] embedded TimescaleDB \\(pid ${pid}\\) died with signal SIGKILL`,
          ),
        ),
      );
      expect(await dataSource.query('SELECT value FROM module_kept')).toEqual([
        { value: 'before the kill' },
      ]);
    } finally {
      await app.close();
    }
  });

  it('stops a frozen database child on close', async () => {
    const logger = new RecordingLogger();
    const app = await bootApp({ embeddedDataDir: dataDir }, logger);
    process.kill(findEmbeddedChildPid(dataDir)!, 'SIGSTOP');

    await app.close();

    expect(findEmbeddedChildPid(dataDir)).toBeUndefined();
    expect(logger.lines).toContain(
      'error [Database] embedded TimescaleDB did not stop within 4000 ms and was killed',
    );
  });

  // pg's pool.end() waits for a connection still being opened, and a frozen server never answers.
  it('closes even when the pool is connecting to a frozen database child', async () => {
    const logger = new RecordingLogger();
    const app = await bootApp({ embeddedDataDir: dataDir }, logger);
    const dataSource = app.get(DataSource);
    const pool = (dataSource.driver as PostgresDriver).master as { totalCount: number };
    // A newer connection of the app takes the session over, so the pool must open a new one.
    const newer = new Client({
      connectionString: (dataSource.options as PostgresConnectionOptions).url,
    });
    await newer.connect();
    await pollUntil(() => pool.totalCount === 0);
    await newer.end();
    process.kill(findEmbeddedChildPid(dataDir)!, 'SIGSTOP');
    const stuck = dataSource.query('SELECT 1').catch((error: Error) => error);
    await pollUntil(() => pool.totalCount === 1);

    await app.close();

    expect(await stuck).toHaveProperty('message');
    expect(findEmbeddedChildPid(dataDir)).toBeUndefined();
    expect(logger.lines).toContain(
      'error [Database] the database connection did not close within 2000 ms; stopping without it',
    );
  });
});
