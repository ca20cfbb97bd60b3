import { deriveSeed, gaussian, seededRandom } from '@nexwave/core';
import { TIMEFRAME_MS, type Candle, type Timeframe } from '@nexwave/strategy';

export interface RandomWalkOptions {
  readonly symbol?: string;
  readonly timeframe?: Timeframe;
  /** The first candle's open (50,000). */
  readonly start?: number;
  /** The standard deviation of a candle's log return (0.002). */
  readonly volatility?: number;
  /** The first candle's bucket start (ms). */
  readonly from: number;
}

/**
 * `count` candles of `timeframe` on a seeded geometric random walk (`volatility` a candle), prices
 * printed to 8 significant digits as stored candles would be: for demos, specs and the bench.
 */
export function walkCandles(
  seed: number,
  count: number,
  { symbol = 'BTC', timeframe = '1m', start = 50_000, volatility = 0.002, from }: RandomWalkOptions,
): Candle[] {
  const random = seededRandom(deriveSeed(seed, symbol));
  const frame = TIMEFRAME_MS[timeframe];
  const candles: Candle[] = [];
  let close = start;
  for (let i = 0; i < count; i++) {
    const step = walkCandle(random, close, volatility, {
      symbol,
      timeframe,
      bucketStart: new Date(from + i * frame),
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
