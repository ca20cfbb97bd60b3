import { SideLevels } from './order-book';

/**
 * Amount statistics over BOTH sides of the visible book, in base units. Both sides, because the
 * question is "does this order stand out in this market", and one side of a 10-level book is too
 * small a sample; base units, because a USD base would favour levels far from the mid.
 */
export class BookStatistics {
  readonly totalAmount: number;
  private readonly sortedAmounts: Float64Array;

  constructor(bid: SideLevels, ask: SideLevels) {
    // A typed array sorts numerically without a comparator, several times faster.
    this.sortedAmounts = new Float64Array(bid.amount.length + ask.amount.length);
    this.sortedAmounts.set(bid.amount);
    this.sortedAmounts.set(ask.amount, bid.amount.length);
    let total = 0;
    for (const amount of this.sortedAmounts) {
      total += amount;
    }
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
  standoutOfLevel(amount: number): number {
    const count = this.sortedAmounts.length - 1;
    if (count === 0) {
      return Infinity;
    }
    // The median of the others, read around the level's place in the sorted book.
    const removed = lowerBound(this.sortedAmounts, amount);
    const at = (k: number) => this.sortedAmounts[k < removed ? k : k + 1];
    const middle = count >> 1;
    return amount / (count % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2);
  }

  /**
   * Median amount of a run over the median of the levels outside it: `sortedAmounts` are the
   * run's amounts (of levels in the book), ascending, the first `length` of them.
   */
  standoutOfRun(sortedAmounts: ArrayLike<number>, length = sortedAmounts.length): number {
    const runMedian = length === 0 ? 0 : medianOfSorted(sortedAmounts, length);
    return ratio(runMedian, this.medianWithout(sortedAmounts, length));
  }

  /**
   * Median of the book's amounts with `removed` (amounts of levels in the book) taken out,
   * without copying or re-sorting the book: this runs for every candidate run.
   */
  private medianWithout(sortedRemoved: ArrayLike<number>, length: number): number | null {
    const count = this.sortedAmounts.length - length;
    if (count <= 0) {
      return null;
    }
    // Distinct positions of the removed amounts in the sorted book (equal amounts sit together).
    const positions: number[] = [];
    for (let i = 0; i < length; i++) {
      const previous = i > 0 ? positions[i - 1] : -1;
      positions.push(Math.max(lowerBound(this.sortedAmounts, sortedRemoved[i]), previous + 1));
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

/** Median of the first `length` values of `sorted`. */
export function medianOfSorted(sorted: ArrayLike<number>, length = sorted.length): number {
  const middle = length >> 1;
  return length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
