import { CandlesError } from './candles.errors';

/** Candle widths, smallest first: each level of the aggregate hierarchy rolls up the previous one. */
export const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'] as const;

export type Timeframe = (typeof TIMEFRAMES)[number];

export function isTimeframe(value: string): value is Timeframe {
  return (TIMEFRAMES as readonly string[]).includes(value);
}

/** Exact match only: `1H` or `60m` are rejected with the allowed values named. */
export function parseTimeframe(value: string): Timeframe {
  if (!isTimeframe(value)) {
    throw new CandlesError(
      'UNKNOWN_TIMEFRAME',
      `unknown timeframe '${value}': allowed ${TIMEFRAMES.join(', ')}`,
      { timeframe: value, allowed: TIMEFRAMES.join(',') },
    );
  }
  return value;
}
