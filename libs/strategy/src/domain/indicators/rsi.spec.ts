import { randomWalk, worstRelativeError } from '../testing/series';
import { Rsi } from './rsi';

/** Wilder's RSI over whole arrays: simple means of the first `period` changes, then smoothing. */
function batchRsi(values: readonly number[], period: number): (number | null)[] {
  const changes = values.slice(1).map((value, i) => value - values[i]);
  const gains = changes.map((change) => Math.max(change, 0));
  const losses = changes.map((change) => Math.max(-change, 0));
  const result: (number | null)[] = [null];
  let gain = 0;
  let loss = 0;
  changes.forEach((_, i) => {
    if (i + 1 < period) {
      result.push(null);
      return;
    }
    if (i + 1 === period) {
      gain = gains.slice(0, period).reduce((sum, x) => sum + x, 0) / period;
      loss = losses.slice(0, period).reduce((sum, x) => sum + x, 0) / period;
    } else {
      gain = (gain * (period - 1) + gains[i]) / period;
      loss = (loss * (period - 1) + losses[i]) / period;
    }
    result.push(100 - 100 / (1 + gain / loss));
  });
  return result;
}

describe('Rsi', () => {
  it.each([
    ['period 14 on a small walk', 1, 1_000, 100, 1, 14],
    ['period 14 on BTC at 100 000 moving by cents', 2, 50_000, 100_000, 0.01, 14],
    ['period 2 on a volatile coin', 3, 500, 1, 0.01, 2],
  ])('agrees with the batch RSI: %s', (_name, seed, length, start, step, period) => {
    const prices = randomWalk(seed, length, start, step);
    const rsi = new Rsi(period);
    const actual = prices.map((price) => rsi.update(price));
    const expected = batchRsi(prices, period);
    expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
    expect(worstRelativeError(actual, expected)).toBeLessThan(1e-9);
  });

  it.each([
    ['rising only', [1, 2, 3], 2, [null, null, 100]],
    ['falling only', [3, 2, 1], 2, [null, null, 0]],
    ['up then down by the same', [1, 2, 1], 2, [null, null, 50]],
    ['flat', [5, 5, 5], 2, [null, null, 50]],
    ['Wilder smoothing after the seed', [1, 3, 2, 4], 2, [null, null, 200 / 3, 600 / 7]],
  ])('%s: %j with period %i gives %j', (_name, values, period, expected) => {
    const rsi = new Rsi(period);
    const actual = values.map((value) => rsi.update(value));
    expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
    expect(worstRelativeError(actual, expected)).toBeLessThan(1e-12);
  });
});
