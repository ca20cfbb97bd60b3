import { gaussian, seededRandom } from '@nexwave/core';

/** A seeded Gaussian random walk: `length` prices from `start`, each step `step` × N(0, 1). */
export function randomWalk(seed: number, length: number, start: number, step: number): number[] {
  const random = seededRandom(seed);
  const prices: number[] = [];
  let price = start;
  for (let i = 0; i < length; i++) {
    price += step * gaussian(random);
    prices.push(price);
  }
  return prices;
}

/** The population mean and standard deviation of `values`, by the two-pass textbook formula. */
export function batchStats(values: readonly number[]): { mean: number; stdDev: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, stdDev: Math.sqrt(squares / values.length) };
}

/** For each index, the batch result over the window ending there, or null before it is full. */
export function batchRolling<T>(
  values: readonly number[],
  period: number,
  compute: (window: readonly number[]) => T,
): (T | null)[] {
  return values.map((_, i) =>
    i + 1 < period ? null : compute(values.slice(i + 1 - period, i + 1)),
  );
}

/** The largest |actual − expected| / |expected| over the pairs where both are defined. */
export function worstRelativeError(
  actual: readonly (number | null)[],
  expected: readonly (number | null)[],
): number {
  return expected.reduce<number>((worst, wanted, i) => {
    const got = actual[i];
    if (wanted === null || got === null || got === undefined) {
      return worst;
    }
    const error = wanted === 0 ? Math.abs(got) : Math.abs(got - wanted) / Math.abs(wanted);
    return Math.max(worst, error);
  }, 0);
}
