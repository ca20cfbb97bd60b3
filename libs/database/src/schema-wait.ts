import type { DataSource } from 'typeorm';

export class SchemaNotReadyError extends Error {
  override readonly name = 'SchemaNotReadyError';
}

export interface WaitForSchemaOptions {
  /** Give up after this long. */
  timeoutMs: number;
  logger: { log(message: string): void };
  /** First pause between two checks, doubled after each up to maxDelayMs (default 250 ms, 5 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** Postgres undefined_table: no migration has run yet, not even the one creating the table. */
const PG_UNDEFINED_TABLE = '42P01';

/** What the migrate step is, for the people reading the log. */
export const MIGRATE_HINT =
  'run the migrations once first: `npm run migrate`, `node dist/libs/database/src/cli/migrate.cli.js` in the image, or the compose service `migrate`';

/**
 * Resolves once the database has the newest migration this build registers (the last of
 * `dataSource.migrations`), polling with backoff; throws SchemaNotReadyError after timeoutMs.
 * A database that is further ahead (a newer build migrated it) is ready too. Reads only: the
 * migrate step owns every schema change.
 */
export async function waitForSchema(
  dataSource: DataSource,
  options: WaitForSchemaOptions,
): Promise<string> {
  const newest = dataSource.migrations.at(-1);
  if (newest === undefined) {
    return 'no migration';
  }
  const name = newest.name ?? newest.constructor.name;
  const table = dataSource.driver.escape(dataSource.options.migrationsTableName ?? 'migrations');
  const deadline = Date.now() + options.timeoutMs;
  let delayMs = options.initialDelayMs ?? 250;
  let announced = false;
  while (!(await isApplied(dataSource, table, name))) {
    if (Date.now() >= deadline) {
      throw new SchemaNotReadyError(
        `the database schema still lacks migration ${name} after ${options.timeoutMs / 1000} s; ${MIGRATE_HINT}`,
      );
    }
    if (!announced) {
      announced = true;
      options.logger.log(
        `waiting for the database schema: migration ${name} is not applied yet (${MIGRATE_HINT}); giving up after ${options.timeoutMs / 1000} s`,
      );
    }
    await sleep(Math.min(delayMs, Math.max(0, deadline - Date.now())));
    delayMs = Math.min(delayMs * 2, options.maxDelayMs ?? 5_000);
  }
  return name;
}

async function isApplied(dataSource: DataSource, table: string, name: string): Promise<boolean> {
  try {
    const rows = await dataSource.query<unknown[]>(`SELECT 1 FROM ${table} WHERE name = $1`, [
      name,
    ]);
    return rows.length > 0;
  } catch (error) {
    if ((error as { code?: unknown }).code === PG_UNDEFINED_TABLE) {
      return false;
    }
    throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
