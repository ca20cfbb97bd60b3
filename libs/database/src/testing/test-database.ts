import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { createDataSource, DatabaseConnectionOptions } from '../data-source';
import { EmbeddedTimescale, startEmbeddedTimescale } from '../embedded-timescale';
import { runMigrations } from '../migrate';
import { ERRORS_ONLY } from './errors-only-logger';
import { copyTemplateDataDir } from './template-data-dir';

export interface FreshDataSourceOptions {
  entities?: DatabaseConnectionOptions['entities'];
}

export interface TestDatabase {
  /** URL of the embedded server (its `public` schema is not migrated). */
  readonly url: string;
  /**
   * A new schema with every migration applied and an initialized DataSource (pool of 1) whose
   * search_path points at it. Destroys the DataSource returned by the previous call: only one is
   * live at a time (see the isolation note below).
   */
  freshDataSource(options?: FreshDataSourceOptions): Promise<DataSource>;
  /** Destroys the live DataSource, stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/*
 * Isolation: one embedded TimescaleDB per test file (startup takes seconds), one schema per
 * freshDataSource() call. PGlite is a single Postgres session shared by every socket client, so
 * neither a second database (it cannot be connected to) nor per-connection settings (startup
 * parameters are ignored) isolate tests. A schema does: migrations run inside it, hypertables
 * created there are ordinary TimescaleDB hypertables, and `SET search_path TO <schema>, public`
 * makes unqualified SQL hit it (public holds the timescaledb extension). search_path is
 * session-wide, hence one live DataSource at a time. Truncating shared tables was rejected: it
 * would leave sequences, schema changes and migration state shared between tests.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'nexwave-test-db-'));
  let server: EmbeddedTimescale;
  try {
    await copyTemplateDataDir(dataDir);
    server = await startEmbeddedTimescale({ dataDir, port: 0, logger: ERRORS_ONLY });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let schemaCount = 0;
  let live: DataSource | undefined;

  const destroyLive = async (): Promise<void> => {
    if (live?.isInitialized) {
      await live.destroy();
    }
    live = undefined;
  };

  return {
    url: server.url,
    async freshDataSource(options = {}) {
      await destroyLive();
      schemaCount += 1;
      const schema = `test_${schemaCount}`;
      const dataSource = createDataSource({
        url: server.url,
        embedded: true,
        schema,
        entities: options.entities,
      });
      await dataSource.initialize();
      live = dataSource;
      await dataSource.query(`CREATE SCHEMA "${schema}"`);
      await dataSource.query(`SET search_path TO "${schema}", public`);
      await runMigrations(dataSource);
      return dataSource;
    },
    async stop() {
      try {
        await destroyLive();
        await server.stop();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
