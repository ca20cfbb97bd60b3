import { TIMEFRAME_MS, type Candle, type Timeframe } from '@nexwave/strategy';

import { walkCandles as walkRandomly, type RandomWalkOptions } from '../domain/random-walk-candles';

export const T0 = Date.UTC(2026, 0, 15);

/** Candle `index` of `timeframe` from T0: [open, high, low, close], or one price for all four. */
export function candle(
  index: number,
  prices: number | readonly [number, number, number, number],
  symbol = 'BTC',
  timeframe: Timeframe = '1h',
): Candle {
  const [open, high, low, close] =
    typeof prices === 'number' ? [prices, prices, prices, prices] : prices;
  return {
    symbol,
    timeframe,
    bucketStart: new Date(T0 + index * TIMEFRAME_MS[timeframe]),
    open: String(open),
    high: String(high),
    low: String(low),
    close: String(close),
    volume: '1',
  };
}

/** `count` candles of a seeded random walk from T0 (see `walkCandles` of @nexwave/backtest). */
export function walkCandles(
  seed: number,
  count: number,
  options: Omit<RandomWalkOptions, 'from'> & { from?: number } = {},
): Candle[] {
  return walkRandomly(seed, count, { from: T0, ...options });
}
