import { randomWalk, worstRelativeError } from '../testing/series';
import { Atr, type PriceRange } from './atr';

/** Candles around a walk of closes, with highs and lows spread by a second seeded walk. */
function randomCandles(seed: number, length: number, start: number, step: number): PriceRange[] {
  const closes = randomWalk(seed, length, start, step);
  const spreads = randomWalk(seed + 1, length, 0, step).map(Math.abs);
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1];
    return {
      high: Math.max(open, close) + spreads[i],
      low: Math.min(open, close) - spreads[i] / 2,
      close,
    };
  });
}

/** Wilder's ATR over whole arrays: true ranges, their first simple mean, then smoothing. */
function batchAtr(candles: readonly PriceRange[], period: number): (number | null)[] {
  const ranges = candles.map((candle, i) => {
    const previous = i === 0 ? candle.close : candles[i - 1].close;
    return Math.max(
      candle.high - candle.low,
      Math.abs(candle.high - previous),
      Math.abs(candle.low - previous),
    );
  });
  let atr = 0;
  return ranges.map((range, i) => {
    if (i + 1 < period) {
      return null;
    }
    atr =
      i + 1 === period
        ? ranges.slice(0, period).reduce((sum, x) => sum + x, 0) / period
        : (atr * (period - 1) + range) / period;
    return atr;
  });
}

describe('Atr', () => {
  it.each([
    ['period 14 on a small walk', 1, 1_000, 100, 1, 14],
    ['period 14 on BTC at 100 000 moving by cents', 2, 50_000, 100_000, 0.01, 14],
    ['period 1 is the true range', 3, 100, 10, 0.5, 1],
  ])('agrees with the batch ATR: %s', (_name, seed, length, start, step, period) => {
    const candles = randomCandles(seed, length, start, step);
    const atr = new Atr(period);
    const actual = candles.map((candle) => atr.update(candle));
    const expected = batchAtr(candles, period);
    expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
    expect(worstRelativeError(actual, expected)).toBeLessThan(1e-9);
  });

  it.each<[string, PriceRange[], (number | null)[]]>([
    [
      'high − low inside the previous close',
      [
        { high: 11, low: 9, close: 10 },
        { high: 12, low: 9, close: 11 },
      ],
      [null, 2.5],
    ],
    [
      'a gap up counts from the previous close',
      [
        { high: 11, low: 9, close: 10 },
        { high: 16, low: 15, close: 15.5 },
      ],
      [null, 4],
    ],
    [
      'a gap down too, then Wilder smoothing',
      [
        { high: 11, low: 9, close: 10 },
        { high: 8, low: 7, close: 7.5 },
        { high: 8, low: 7, close: 7.5 },
      ],
      [null, 2.5, 1.75],
    ],
  ])('%s', (_name, candles, expected) => {
    const atr = new Atr(2);
    expect(candles.map((candle) => atr.update(candle))).toEqual(expected);
  });

  it.each([0, 2.5])('refuses a period of %d', (period) => {
    expect(() => new Atr(period)).toThrow(RangeError);
  });
});
