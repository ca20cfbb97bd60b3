import { TIMEFRAME_MS, type Timeframe } from '../strategy';

/**
 * A signal still waiting for risk expires one candle of its timeframe after it was stored: by
 * then the next candle has been decided on, so the order would be sent late, on an old price.
 */
export function signalExpired(createdAt: Date, timeframe: Timeframe, now: Date): boolean {
  return now.getTime() - createdAt.getTime() >= TIMEFRAME_MS[timeframe];
}
