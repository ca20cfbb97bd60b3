import { seededRandom } from '@nexwave/core';

import { BookStatistics, medianOfSorted } from './book-statistics';
import { parseSide } from './order-book';
import { level } from './testing/books';

const side = (amounts: number[]) => parseSide(amounts.map((a, i) => level(1000 - i, a)));
const stats = (amounts: number[]) => new BookStatistics(side(amounts), side([]));
const ascending = (amounts: number[]) => Float64Array.from(amounts).sort();
const median = (values: number[]) =>
  values.length === 0 ? null : medianOfSorted(ascending(values));

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j -> %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('BookStatistics', () => {
  it('sums amounts over every level', () => {
    expect(new BookStatistics(side([1, 2]), side([3.5])).totalAmount).toBe(6.5);
  });

  it('an empty book is empty, with a median of 0', () => {
    const empty = stats([]);
    expect(empty.isEmpty).toBe(true);
    expect(empty.median).toBe(0);
    expect(empty.totalAmount).toBe(0);
  });

  it('the median of a book takes both sides', () => {
    const book = new BookStatistics(side([1, 9]), side([4]));
    expect(book.isEmpty).toBe(false);
    expect(book.median).toBe(4);
    expect(new BookStatistics(side([1, 9]), side([4, 6])).median).toBe(5);
  });

  it('an empty run has no stand-out', () => {
    expect(stats([1, 2, 3]).standoutOfRun(new Float64Array(0))).toBe(0);
  });

  it('compares a level with the median of the other levels', () => {
    const book = stats([10, 1, 2, 3]);
    expect(book.standoutOfLevel(10)).toBe(5); // 10 / median(1, 2, 3)
    expect(book.standoutOfLevel(1)).toBe(1 / 3); // 1 / median(2, 3, 10)
  });

  it('a level alone stands out infinitely', () => {
    expect(stats([4]).standoutOfLevel(4)).toBe(Infinity);
  });

  it('matches a brute-force median of the others on random books', () => {
    const random = seededRandom(3);
    const mismatches: number[][] = [];
    for (let i = 0; i < 300; i++) {
      const amounts = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        Math.ceil(random() * 6),
      );
      const book = stats(amounts);
      amounts.forEach((amount, k) => {
        const others = median(amounts.filter((_, j) => j !== k));
        const expected = others === null ? Infinity : amount / others;
        if (book.standoutOfLevel(amount) !== expected) {
          mismatches.push(amounts);
        }
      });
    }
    expect(mismatches).toEqual([]);
  });

  it('matches a brute-force median outside random runs', () => {
    const random = seededRandom(5);
    const mismatches: number[][] = [];
    for (let i = 0; i < 300; i++) {
      const amounts = Array.from({ length: 2 + Math.floor(random() * 12) }, () =>
        Math.ceil(random() * 4),
      );
      const from = Math.floor(random() * (amounts.length - 1));
      const to = from + 1 + Math.floor(random() * (amounts.length - from));
      const run = amounts.slice(from, to);
      const rest = median(amounts.filter((_, j) => j < from || j >= to));
      const expected = rest === null ? Infinity : (median(run) ?? 0) / rest;
      if (stats(amounts).standoutOfRun(ascending(run)) !== expected) {
        mismatches.push(amounts);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('compares a run with the median of the levels outside it', () => {
    const amounts = [1, 8, 10, 12, 2, 3];
    const book = stats(amounts);
    expect(book.standoutOfRun(ascending(amounts.slice(1, 4)))).toBe(5); // 10 / median(1, 2, 3)
    expect(book.standoutOfRun(ascending(amounts))).toBe(Infinity);
  });
});
