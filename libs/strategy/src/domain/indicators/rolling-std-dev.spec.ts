import { batchRolling, batchStats, randomWalk, worstRelativeError } from '../testing/series';
import { RollingStdDev, type MeanAndStdDev } from './rolling-std-dev';

describe('RollingStdDev', () => {
  it.each([
    ['a short window on a small walk', 1, 200, 100, 1, 3],
    ['the default 20 over a window that slides 50 times its length', 2, 1_000, 2_500, 5, 20],
    ['BTC at 100 000 moving by cents, over 100 000 values', 3, 100_000, 100_000, 0.01, 20],
    ['a long window on a volatile coin', 5, 5_000, 0.5, 0.01, 500],
  ])('agrees with the two-pass batch: %s', (_name, seed, length, start, step, period) => {
    const prices = randomWalk(seed, length, start, step);
    const expected = batchRolling(prices, period, batchStats);
    const stats = new RollingStdDev(period);
    const actual = prices.map((price) => stats.update(price));
    expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
    const pick = (key: 'mean' | 'stdDev') => (value: MeanAndStdDev | null) => value?.[key] ?? null;
    expect(worstRelativeError(actual.map(pick('mean')), expected.map(pick('mean')))).toBeLessThan(
      1e-12,
    );
    // A σ of cents on a price of 100 000 keeps about 8 digits here; a Σx² formula keeps none.
    expect(
      worstRelativeError(actual.map(pick('stdDev')), expected.map(pick('stdDev'))),
    ).toBeLessThan(1e-6);
  });

  it.each([
    ['population, not sample: [2, 4, 4, 4, 5, 5, 7, 9]', [2, 4, 4, 4, 5, 5, 7, 9], 8, 5, 2],
    ['a flat window has no deviation', [100_000, 100_000, 100_000], 3, 100_000, 0],
    ['only the last period values count', [1_000, 1, 3], 2, 2, 1],
  ])('%s', (_name, values, period, mean, stdDev) => {
    const stats = new RollingStdDev(period);
    values.forEach((value) => stats.update(value));
    expect(stats.value).toEqual({ mean, stdDev });
  });

  it('stays null until the window is full', () => {
    const stats = new RollingStdDev(3);
    expect([1, 2].map((value) => stats.update(value))).toEqual([null, null]);
    expect(stats.value).toBeNull();
  });

  it('reads the same figures through add, isFull, mean and stdDev as through update and value', () => {
    const updated = new RollingStdDev(20);
    const added = new RollingStdDev(20);
    for (const price of randomWalk(6, 500, 100_000, 5)) {
      const value = updated.update(price);
      added.add(price);
      expect(added.isFull).toBe(value !== null);
      expect(added.isFull ? { mean: added.mean, stdDev: added.stdDev } : null).toEqual(value);
    }
  });
});
