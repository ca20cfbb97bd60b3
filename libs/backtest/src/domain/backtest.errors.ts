import { DomainError, type ErrorKinds } from '@nexwave/core';

export type BacktestErrorCode =
  'TIMEFRAME_MISMATCH' | 'UNKNOWN_SYMBOL' | 'UNKNOWN_MARKET' | 'CANDLES_OUT_OF_ORDER';

/**
 * The input cannot be replayed: the strategy's timeframe is not the run's, a candle is of a
 * symbol the run does not name (or one without market rules), or candles go back in time.
 */
export class BacktestError extends DomainError<BacktestErrorCode> {
  static override readonly kinds: ErrorKinds<BacktestErrorCode> = {
    TIMEFRAME_MISMATCH: 'invalid',
    UNKNOWN_SYMBOL: 'invalid',
    UNKNOWN_MARKET: 'invalid',
    CANDLES_OUT_OF_ORDER: 'invalid',
  };
}
