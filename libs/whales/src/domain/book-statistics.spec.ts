import { seededRandom } from '@nexwave/core';

import { BookStatistics, median } from './book-statistics';
import { pricedLevels } from './order-book';
import { level } from './testing/books';

const priced = (amounts: number[]) => pricedLevels(amounts.map((a, i) => level(1000 - i, a)));

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
    expect(new BookStatistics(priced([1, 2, 3.5])).totalAmount).toBe(6.5);
  });

  it('compares a level with the median of the other levels', () => {
    const levels = priced([10, 1, 2, 3]);
    const stats = new BookStatistics(levels);
    expect(stats.standoutOfLevel(levels[0])).toBe(5); // 10 / median(1, 2, 3)
    expect(stats.standoutOfLevel(levels[1])).toBe(1 / 3); // 1 / median(2, 3, 10)
  });

  it('a level alone stands out infinitely', () => {
    const levels = priced([4]);
    expect(new BookStatistics(levels).standoutOfLevel(levels[0])).toBe(Infinity);
  });

  it('matches a brute-force median of the others on random books', () => {
    const random = seededRandom(3);
    const mismatches: number[][] = [];
    for (let i = 0; i < 300; i++) {
      const amounts = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        Math.ceil(random() * 6),
      );
      const levels = priced(amounts);
      const stats = new BookStatistics(levels);
      levels.forEach((l, k) => {
        const others = median(amounts.filter((_, j) => j !== k));
        const expected = others === null ? Infinity : l.amount / others;
        if (stats.standoutOfLevel(l) !== expected) {
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
      const levels = priced(amounts);
      const from = Math.floor(random() * (amounts.length - 1));
      const to = from + 1 + Math.floor(random() * (amounts.length - from));
      const run = levels.slice(from, to);
      const rest = median(amounts.filter((_, j) => j < from || j >= to));
      const expected = rest === null ? Infinity : (median(run.map((l) => l.amount)) ?? 0) / rest;
      if (new BookStatistics(levels).standoutOfRun(run) !== expected) {
        mismatches.push(amounts);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('compares a run with the median of the levels outside it', () => {
    const levels = priced([1, 8, 10, 12, 2, 3]);
    const stats = new BookStatistics(levels);
    expect(stats.standoutOfRun(levels.slice(1, 4))).toBe(5); // 10 / median(1, 2, 3)
    expect(stats.standoutOfRun(levels)).toBe(Infinity);
  });
});
