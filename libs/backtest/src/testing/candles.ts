import { deriveSeed, gaussian, seededRandom } from '@nexwave/core';
import { TIMEFRAME_MS, type Candle, type Timeframe } from '@nexwave/strategy';

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

/**
 * `count` candles of `timeframe` on a seeded geometric random walk (`volatility` a candle), prices
 * printed to 8 significant digits as stored candles would be.
 */
export function walkCandles(
  seed: number,
  count: number,
  { symbol = 'BTC', timeframe = '1m', start = 50_000, volatility = 0.002 } = {},
): Candle[] {
  const random = seededRandom(deriveSeed(seed, symbol));
  const frame = TIMEFRAME_MS[timeframe as Timeframe];
  const candles: Candle[] = [];
  let close = start;
  for (let i = 0; i < count; i++) {
    const step = walkCandle(random, close, volatility, {
      symbol,
      timeframe: timeframe as Timeframe,
      bucketStart: new Date(T0 + i * frame),
    });
    candles.push(step.candle);
    close = step.close;
  }
  return candles;
}

/**
 * The candle after `open` on a geometric random walk, close and both wicks drawn from `random`;
 * `close` unrounded, to open the next one.
 */
export function walkCandle(
  random: () => number,
  open: number,
  volatility: number,
  at: Pick<Candle, 'symbol' | 'timeframe' | 'bucketStart'>,
): { candle: Candle; close: number } {
  const close = open * Math.exp(volatility * gaussian(random));
  const wick = () => open * volatility * Math.abs(gaussian(random)) * 0.5;
  const candle: Candle = {
    ...at,
    open: open.toPrecision(8),
    high: (Math.max(open, close) + wick()).toPrecision(8),
    low: (Math.min(open, close) - wick()).toPrecision(8),
    close: close.toPrecision(8),
    volume: '1',
  };
  return { candle, close };
}
