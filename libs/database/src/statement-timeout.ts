import type { DataSource } from 'typeorm';

import { DomainError, type ErrorKinds } from '@nexwave/core';

/** The longest an API read may hold the database before the server cancels it. */
export const API_STATEMENT_TIMEOUT_MS = 5_000;

// SET LOCAL as a function, so that the value can be a parameter; `true` = local to the transaction.
const SET_LOCAL_STATEMENT_TIMEOUT = "SELECT set_config('statement_timeout', $1, true)";

/** Postgres query_canceled: what the server answers when the statement timeout fires. */
const PG_QUERY_CANCELED = '57014';

/** An API read ran past its statement timeout: the caller may try again later (503). */
export class QueryTimeoutError extends DomainError<'QUERY_TIMEOUT'> {
  static override readonly kinds: ErrorKinds<'QUERY_TIMEOUT'> = { QUERY_TIMEOUT: 'unavailable' };

  constructor(timeoutMs: number) {
    super(
      'QUERY_TIMEOUT',
      `the query took longer than ${timeoutMs} ms and was cancelled; narrow it or try again later`,
      { timeoutMs },
    );
  }
}

/**
 * Runs one read query in its own transaction under a statement timeout: the server cancels it
 * after `timeoutMs` (QueryTimeoutError), and the connection stays usable. The setting dies with
 * the transaction (no session state, so a transaction-mode pooler may sit in front). The embedded
 * TimescaleDB (PGlite, single-threaded WASM) accepts the setting but never fires it: there, the
 * API bounds the work before a query runs (GraphQL cost limit, REST limits).
 */
export async function queryWithTimeout<T>(
  dataSource: DataSource,
  sql: string,
  parameters: readonly unknown[] = [],
  timeoutMs: number = API_STATEMENT_TIMEOUT_MS,
): Promise<T> {
  try {
    return await dataSource.transaction(async (manager) => {
      await manager.query(SET_LOCAL_STATEMENT_TIMEOUT, [`${timeoutMs}ms`]);
      return manager.query<T>(sql, [...parameters]);
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === PG_QUERY_CANCELED) {
      throw new QueryTimeoutError(timeoutMs);
    }
    throw error;
  }
}
