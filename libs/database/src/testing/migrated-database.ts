import { startEmbeddedTimescale, type EmbeddedTimescale } from '../embedded-timescale';
import { migrateDatabase } from '../migrate';

/**
 * An embedded TimescaleDB on a free port in `dataDir`, migrated once as a deployment's one
 * migrate step does (apps on DATABASE_URL wait for it, they do not migrate).
 */
export async function startMigratedDatabase(dataDir: string): Promise<EmbeddedTimescale> {
  const database = await startEmbeddedTimescale({ dataDir, port: 0 });
  try {
    await migrateDatabase({
      url: database.url,
      poolSize: 1,
      embeddedDataDir: dataDir,
      embeddedPort: 0,
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
