import { DomainError } from '@nexwave/core';

export type CandlesErrorCode =
  'UNKNOWN_TIMEFRAME' | 'UNKNOWN_SYMBOL' | 'INVALID_LIMIT' | 'INVALID_RANGE';

/** A candle or price query asked for something that does not exist or makes no sense. */
export class CandlesError extends DomainError<CandlesErrorCode> {}
