import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

import { DatabaseModule, MIGRATIONS, startEmbeddedTimescale } from '../src';
import { copyTemplateDataDir } from '../src/testing/template-data-dir';

async function bootApp(options: { url?: string; embeddedDataDir: string }): Promise<TestingModule> {
  const app = await Test.createTestingModule({
    imports: [DatabaseModule.forRootAsync({ useFactory: () => ({ ...options, embeddedPort: 0 }) })],
  }).compile();
  return app.init();
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
    const app = await bootApp({ embeddedDataDir: dataDir });
    const dataSource = app.get(DataSource);
    expect(dataSource.isInitialized).toBe(true);
    expect(dataSource.driver.options).toMatchObject({ extra: { max: 1 } });
    expect(await appliedMigrations(dataSource)).toBe(MIGRATIONS.length);
    const hypertables = await dataSource.query<{ hypertable_name: string }[]>(
      `SELECT hypertable_name FROM timescaledb_information.hypertables`,
    );
    expect(hypertables).toEqual([{ hypertable_name: 'ticks' }]);
    const { url } = dataSource.options as PostgresConnectionOptions;

    await app.close();

    expect(dataSource.isInitialized).toBe(false);
    await expect(new Client({ connectionString: url }).connect()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reuses the embedded data on the next boot without migrating again', async () => {
    const app = await bootApp({ embeddedDataDir: dataDir });
    try {
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
});
