import { randomWalk, worstRelativeError } from '../testing/series';
import { Ema } from './ema';

/** The textbook form: seed with the simple mean, then αx + (1 − α) × previous. */
function batchEma(values: readonly number[], period: number): (number | null)[] {
  const alpha = 2 / (period + 1);
  const result: (number | null)[] = [];
  let ema = 0;
  values.forEach((value, i) => {
    if (i + 1 < period) {
      result.push(null);
      return;
    }
    ema =
      i + 1 === period
        ? values.slice(0, period).reduce((sum, x) => sum + x, 0) / period
        : alpha * value + (1 - alpha) * ema;
    result.push(ema);
  });
  return result;
}

describe('Ema', () => {
  it.each([
    ['period 12 on a small walk', 1, 500, 100, 1, 12],
    ['period 26 on BTC at 100 000 moving by cents', 2, 50_000, 100_000, 0.01, 26],
    ['period 1 follows the input', 3, 100, 10, 1, 1],
  ])('agrees with the batch EMA: %s', (_name, seed, length, start, step, period) => {
    const prices = randomWalk(seed, length, start, step);
    const ema = new Ema(period);
    const actual = prices.map((price) => ema.update(price));
    const expected = batchEma(prices, period);
    expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
    expect(worstRelativeError(actual, expected)).toBeLessThan(1e-12);
  });

  it.each([
    [[1, 2, 3, 4], 3, [null, null, 2, 3]],
    [[10, 10, 10, 16], 2, [null, 10, 10, 14]],
  ])('over %j with period %i gives %j', (values, period, expected) => {
    const ema = new Ema(period);
    expect(values.map((value) => ema.update(value))).toEqual(expected);
  });

  it.each([0, 1.5])('refuses a period of %d', (period) => {
    expect(() => new Ema(period)).toThrow(RangeError);
  });
});
