import { DomainError, type ErrorKinds } from '@nexwave/core';

export type CandlesErrorCode =
  'UNKNOWN_TIMEFRAME' | 'UNKNOWN_SYMBOL' | 'INVALID_SYMBOL' | 'INVALID_LIMIT' | 'INVALID_RANGE';

/** A candle or price query asked for something that does not exist or makes no sense. */
export class CandlesError extends DomainError<CandlesErrorCode> {
  /** Every code is the caller's mistake, answered 400 with the reason (an unknown symbol too). */
  static override readonly kinds: ErrorKinds<CandlesErrorCode> = {
    UNKNOWN_TIMEFRAME: 'invalid',
    UNKNOWN_SYMBOL: 'invalid',
    INVALID_SYMBOL: 'invalid',
    INVALID_LIMIT: 'invalid',
    INVALID_RANGE: 'invalid',
  };
}
