import { TIMEFRAME_MS } from './closed-buckets';
import type { Timeframe } from './timeframe';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How far back a routine refresh of each timeframe's aggregate reaches (the start_offset of its
 * refresh policy in the migration, and the embedded CandleRefresher's lookback). A late trade is
 * only materialized inside this window, so a candle older than it no longer changes.
 */
export const REFRESH_WINDOW_MS: Record<Timeframe, number> = {
  '1m': 3 * HOUR_MS,
  '5m': 12 * HOUR_MS,
  '15m': DAY_MS,
  '1h': 7 * DAY_MS,
  '4h': 30 * DAY_MS,
  '1d': 90 * DAY_MS,
};

/**
 * Candles opening before this instant are settled: out of every routine refresh's reach, so they
 * can be cached and served as immutable. The bucket containing `now - window` is not settled yet.
 */
export function settledBefore(timeframe: Timeframe, now: Date): Date {
  const width = TIMEFRAME_MS[timeframe];
  return new Date(Math.floor((now.getTime() - REFRESH_WINDOW_MS[timeframe]) / width) * width);
}
