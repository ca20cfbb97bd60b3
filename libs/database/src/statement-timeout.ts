import type { PoolClient } from 'pg';
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
 *
 * One round trip: BEGIN, the setting, the query and COMMIT are written together in pg's pipeline
 * mode (each with its own Sync; BEGIN makes them one transaction, and a failed statement turns
 * the COMMIT into a rollback), instead of waiting for each answer in turn.
 */
export async function queryWithTimeout<T>(
  dataSource: DataSource,
  sql: string,
  parameters: readonly unknown[] = [],
  timeoutMs: number = API_STATEMENT_TIMEOUT_MS,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient & { pipeline: boolean };
    client.pipeline = true;
    // Through the runner, so logging and the query metrics see each statement. Every call takes
    // the same path to the client, so the statements reach the wire in the order called (the
    // timeout test fails otherwise).
    const statements = [
      runner.query('BEGIN'),
      runner.query(SET_LOCAL_STATEMENT_TIMEOUT, [`${timeoutMs}ms`]),
      runner.query(sql, [...parameters]),
      runner.query('COMMIT'),
    ];
    const settled = await Promise.allSettled(statements);
    client.pipeline = false;
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) {
      throw failed.reason;
    }
    return (settled[2] as PromiseFulfilledResult<T>).value;
  } catch (error) {
    if ((error as { code?: unknown }).code === PG_QUERY_CANCELED) {
      throw new QueryTimeoutError(timeoutMs);
    }
    throw error;
  } finally {
    await runner.release();
  }
}
