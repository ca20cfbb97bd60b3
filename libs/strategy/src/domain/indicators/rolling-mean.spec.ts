import { batchRolling, batchStats, randomWalk, worstRelativeError } from '../testing/series';
import { RollingMean } from './rolling-mean';

describe('RollingMean', () => {
  it.each([
    ['a short window on a small walk', 1, 200, 100, 1, 3],
    ['the default 20 over a window that slides 50 times its length', 2, 1_000, 2_500, 5, 20],
    ['BTC at 100 000 moving by cents, over 100 000 values', 3, 100_000, 100_000, 0.01, 20],
    ['a window of one', 4, 50, 10, 1, 1],
  ])('agrees with the batch mean: %s', (_name, seed, length, start, step, period) => {
    const prices = randomWalk(seed, length, start, step);
    const expected = batchRolling(prices, period, (window) => batchStats(window).mean);
    const mean = new RollingMean(period);
    const actual = prices.map((price) => mean.update(price));
    expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
    expect(worstRelativeError(actual, expected)).toBeLessThan(1e-12);
  });

  it.each([
    [[1, 2, 3], 3, [null, null, 2]],
    [[1, 2, 3, 7], 3, [null, null, 2, 4]],
    [[5, 5, 5, 5], 2, [null, 5, 5, 5]],
  ])('over %j with period %i gives %j', (values, period, expected) => {
    const mean = new RollingMean(period);
    expect(values.map((value) => mean.update(value))).toEqual(expected);
    expect(mean.value).toBe(expected.at(-1));
  });
});
