// `npm run db:embedded`: the embedded TimescaleDB (EMBEDDED_DB_DIR) for several processes, such as
// the split apps on one machine: PGlite behind PgBouncer (transaction mode, one server
// connection) on 127.0.0.1:EMBEDDED_DB_PORT (0 picks a free port). Prints the DATABASE_URL to
// give the apps (its password is new on every start), then serves until Ctrl-C.
import { loadConfig } from '@nexwave/config';

import { startPooledEmbeddedTimescale } from '../pooled-embedded-timescale';

async function main(): Promise<void> {
  const { database } = loadConfig('nexwave');
  if (database.url !== undefined) {
    throw new Error('DATABASE_URL is set: that server needs no embedded database');
  }
  const server = await startPooledEmbeddedTimescale({
    dataDir: database.embeddedDataDir,
    port: database.embeddedPort,
    onGiveUp: () => process.exit(1),
  });
  console.log(`DATABASE_URL=${server.url}`);
  console.log(
    'migrate it once (DATABASE_URL=... npm run migrate), then start the apps with it; Ctrl-C stops',
  );
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(`db:embedded failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
