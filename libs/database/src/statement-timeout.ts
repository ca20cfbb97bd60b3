import type { DataSource } from 'typeorm';

/** The longest an API read may hold the database before the server cancels it. */
export const API_STATEMENT_TIMEOUT_MS = 5_000;

// SET LOCAL as a function, so that the value can be a parameter; `true` = local to the transaction.
const SET_LOCAL_STATEMENT_TIMEOUT = "SELECT set_config('statement_timeout', $1, true)";

/**
 * Runs one read query in its own transaction under a statement timeout: the server cancels it
 * with SQLSTATE 57014 (query_canceled) after `timeoutMs`, and the connection stays usable. The
 * setting dies with the transaction (no session state, so a transaction-mode pooler may sit in
 * front). The embedded TimescaleDB (PGlite, single-threaded WASM) accepts the setting but never
 * fires it: there, the API bounds the work before a query runs (GraphQL cost limit, REST limits).
 */
export function queryWithTimeout<T>(
  dataSource: DataSource,
  sql: string,
  parameters: readonly unknown[] = [],
  timeoutMs: number = API_STATEMENT_TIMEOUT_MS,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(SET_LOCAL_STATEMENT_TIMEOUT, [`${timeoutMs}ms`]);
    return manager.query<T>(sql, [...parameters]);
  });
}
