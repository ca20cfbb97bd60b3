import { DataSource } from 'typeorm';

import { createDataSource } from './data-source';
import { DatabaseModuleOptions } from './database.options';
import { startEmbeddedTimescale } from './embedded-timescale';

/** Applies pending migrations (in one transaction) and returns the names of those applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  return applied.map((migration) => migration.name);
}

/** Migrates the configured database; with no url, starts the embedded TimescaleDB for the run and stops it after. */
export async function migrateDatabase(options: DatabaseModuleOptions): Promise<string[]> {
  const embedded =
    options.url === undefined
      ? await startEmbeddedTimescale({
          dataDir: options.embeddedDataDir,
          port: options.embeddedPort,
        })
      : undefined;
  try {
    const dataSource = createDataSource({
      url: options.url ?? embedded!.url,
      embedded: embedded !== undefined,
      poolSize: options.poolSize,
    });
    await dataSource.initialize();
    try {
      return await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}
