import { DomainError, type ErrorKinds } from '@nexwave/core';

export type BacktestingErrorCode = 'INVALID_REQUEST' | 'RUN_NOT_FOUND';

/** A backtest request that cannot run (the message names the field), or an unknown run id. */
export class BacktestingError extends DomainError<BacktestingErrorCode> {
  static override readonly kinds: ErrorKinds<BacktestingErrorCode> = {
    INVALID_REQUEST: 'invalid',
    RUN_NOT_FOUND: 'not-found',
  };
}
