// `npm run db:shell [psql args]`: psql on the embedded TimescaleDB's data (EMBEDDED_DB_DIR, default
// .nexwave/pgdata) while the app is stopped. The running app's database serves only the app.
import { spawn } from 'node:child_process';

import { loadConfig } from '@nexwave/config';

import { openEmbedded } from '../open-embedded';

function runPsql(url: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const psql = spawn('psql', [url, ...args], { stdio: 'inherit' });
    psql.once('error', (error) => {
      console.error(`cannot run psql: ${error.message}`);
      resolve(1);
    });
    psql.once('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const { database } = loadConfig('nexwave');
  // Ctrl+C belongs to psql (it cancels the query); this process waits for psql to exit.
  process.on('SIGINT', () => undefined);
  const server = await openEmbedded(database, "read it through the app's REST or GraphQL API");
  if (server === undefined) {
    console.error('DATABASE_URL is set: use psql "$DATABASE_URL" for that server');
    process.exitCode = 1;
    return;
  }
  try {
    // PGlite asks for a password and takes any; the gate has already checked the user.
    const url = new URL(server.url);
    url.password = 'any';
    process.exitCode = await runPsql(url.href, process.argv.slice(2));
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`db:shell failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
