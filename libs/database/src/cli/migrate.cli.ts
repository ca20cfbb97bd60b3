// `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded
// TimescaleDB in EMBEDDED_DB_DIR (default .nexwave/pgdata) when DATABASE_URL is unset.
import { loadConfig } from '@nexwave/config';

import { migrateDatabase } from '../migrate';

async function main(): Promise<void> {
  const { database } = loadConfig('nexwave');
  const target =
    database.url === undefined
      ? `embedded TimescaleDB in ${database.embeddedDataDir}`
      : 'DATABASE_URL';
  const applied = await migrateDatabase(database);
  console.log(
    applied.length === 0
      ? `${target}: no pending migration`
      : `${target}: applied ${applied.length} migration(s): ${applied.join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
