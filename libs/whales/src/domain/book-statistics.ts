import { PricedLevel } from './order-book';

/**
 * Amount statistics over BOTH sides of the visible book, in base units. Both sides, because the
 * question is "does this order stand out in this market", and one side of a 10-level book is too
 * small a sample; base units, because a USD base would favour levels far from the mid.
 */
export class BookStatistics {
  readonly totalAmount: number;
  private readonly sortedAmounts: Float64Array;

  constructor(levels: readonly PricedLevel[]) {
    // A typed array sorts numerically without a comparator, several times faster.
    this.sortedAmounts = new Float64Array(levels.length);
    let total = 0;
    levels.forEach((level, i) => {
      this.sortedAmounts[i] = level.amount;
      total += level.amount;
    });
    this.sortedAmounts.sort();
    this.totalAmount = total;
  }

  get isEmpty(): boolean {
    return this.sortedAmounts.length === 0;
  }

  /** Median amount of the whole book (0 when empty). */
  get median(): number {
    return this.sortedAmounts.length === 0 ? 0 : medianOfSorted(this.sortedAmounts);
  }

  /**
   * Level amount over the median amount of the rest of the book: how far it stands out.
   * Infinity when the level is the whole book (there is nothing to compare it with).
   */
  standoutOfLevel(level: PricedLevel): number {
    return ratio(level.amount, this.medianWithout([level.amount]));
  }

  /** Median amount of the run over the median of the levels outside it. */
  standoutOfRun(run: readonly PricedLevel[]): number {
    const amounts = run.map((l) => l.amount);
    return ratio(median(amounts) ?? 0, this.medianWithout(amounts));
  }

  /**
   * Median of the book's amounts with `removed` (amounts of levels in the book) taken out,
   * without copying or re-sorting the book: this runs for every candidate level and run.
   */
  private medianWithout(removed: readonly number[]): number | null {
    const count = this.sortedAmounts.length - removed.length;
    if (count <= 0) {
      return null;
    }
    // Distinct positions of the removed amounts in the sorted book (equal amounts sit together).
    const positions: number[] = [];
    for (const amount of [...removed].sort((a, b) => a - b)) {
      const previous = positions.length > 0 ? positions[positions.length - 1] : -1;
      positions.push(Math.max(lowerBound(this.sortedAmounts, amount), previous + 1));
    }
    // Index k of the remaining amounts, skipping the removed positions.
    const at = (k: number) => {
      let index = k;
      for (const position of positions) {
        if (position > index) {
          break;
        }
        index += 1;
      }
      return this.sortedAmounts[index];
    };
    const middle = Math.floor(count / 2);
    return count % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  return medianOfSorted(Float64Array.from(values).sort());
}

export function medianOfSorted(sorted: ArrayLike<number>): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ratio(value: number, reference: number | null): number {
  return reference === null ? Infinity : value / reference;
}

function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
