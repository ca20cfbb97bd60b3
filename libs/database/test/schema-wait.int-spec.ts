import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import {
  createDataSource,
  DatabaseModule,
  migrateDatabase,
  MIGRATIONS,
  PooledEmbeddedTimescale,
  SchemaNotReadyError,
  startPooledEmbeddedTimescale,
  waitForSchema,
} from '../src';
import { copyTemplateDataDir, ERRORS_ONLY } from '../src/testing';
import { pollUntil, quietLogger } from './support';

const NEWEST = MIGRATIONS.at(-1)!.name;
/** The expected failure of a boot would otherwise be printed. */
const SILENT = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function tableExists(dataSource: DataSource, table: string): Promise<boolean> {
  const [row] = await dataSource.query<{ found: string | null }[]>(
    'SELECT to_regclass($1)::text AS found',
    [table],
  );
  return row.found !== null;
}

// Split apps on DATABASE_URL never migrate: they wait for the migrate step. Two processes' pools
// on one embedded TimescaleDB, through PgBouncer as in the split setup.
describe('waiting for the schema', () => {
  let dataDir: string;
  let database: PooledEmbeddedTimescale;
  let waiter: DataSource;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-schema-wait-'));
    await copyTemplateDataDir(dataDir);
    database = await startPooledEmbeddedTimescale({ dataDir, port: 0, logger: ERRORS_ONLY });
    waiter = createDataSource({ url: database.url, embedded: false, poolSize: 2 });
    await waiter.initialize();
  });

  /** A split app's database module: on the pooled URL, waiting for the migrate step. */
  function bootSplitApp(extra: { schemaWaitSeconds?: number } = {}): Promise<TestingModule> {
    return Test.createTestingModule({
      imports: [
        DatabaseModule.forRootAsync({
          useFactory: () => ({
            url: database.url,
            embeddedDataDir: dataDir,
            embeddedPort: 0,
            migrations: 'wait' as const,
            ...extra,
          }),
        }),
      ],
    })
      .setLogger(SILENT)
      .compile();
  }

  afterAll(async () => {
    await waiter?.destroy();
    await database?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives up with a clear error after the configured time, changing nothing', async () => {
    const logger = quietLogger();
    await expect(
      waitForSchema(waiter, { timeoutMs: 300, initialDelayMs: 20, logger }),
    ).rejects.toThrow(
      new SchemaNotReadyError(
        `the database schema still lacks migration ${NEWEST} after 0.3 s; run the migrations once first: \`npm run migrate\`, \`node dist/libs/database/src/cli/migrate.cli.js\` in the image, or the compose service \`migrate\``,
      ),
    );
    expect(logger.lines).toEqual([
      expect.stringMatching(
        new RegExp(`^waiting for the database schema: migration ${NEWEST} is not applied yet`),
      ),
    ]);
    expect(await tableExists(waiter, 'migrations')).toBe(false);
  });

  it('a split app (migrations: wait) fails its start instead of migrating', async () => {
    await expect(bootSplitApp({ schemaWaitSeconds: 1 })).rejects.toThrow(SchemaNotReadyError);
    expect(await tableExists(waiter, 'migrations')).toBe(false);
  });

  it('resolves once the migrate step has applied the newest migration', async () => {
    const logger = quietLogger();
    const waited = waitForSchema(waiter, { timeoutMs: 120_000, initialDelayMs: 20, logger });
    await pollUntil(() => logger.lines.length > 0);

    const applied = await migrateDatabase({
      url: database.url,
      embeddedDataDir: '',
      embeddedPort: 0,
    });

    expect(applied.at(-1)).toBe(NEWEST);
    await expect(waited).resolves.toBe(NEWEST);
    const app = await bootSplitApp();
    await app.init();
    expect(await app.get(DataSource).query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await app.close();
  });
});
