import { barCount, historyWindows, missingBars } from './history-window';

const M = 60_000;

describe('historyWindows', () => {
  it('aligns to whole bars, cuts windows of at most N bars and stops at the last closed bar', () => {
    expect(historyWindows({ from: 30_000, to: 10 * M + 5 }, M, 4, 100 * M)).toEqual([
      { from: M, to: 5 * M },
      { from: 5 * M, to: 9 * M },
      { from: 9 * M, to: 10 * M },
    ]);
    expect(historyWindows({ from: 0, to: 10 * M }, M, 4, 6 * M + 30_000)).toEqual([
      { from: 0, to: 4 * M },
      { from: 4 * M, to: 6 * M },
    ]);
    expect(historyWindows({ from: 5 * M, to: 5 * M }, M, 4, 100 * M)).toEqual([]);
  });
});

describe('missingBars', () => {
  it('merges the absent bars into runs', () => {
    const stored = new Set([0, 1, 4].map((i) => i * M));
    expect(missingBars({ from: 0, to: 7 * M }, M, stored)).toEqual([
      { from: 2 * M, to: 4 * M },
      { from: 5 * M, to: 7 * M },
    ]);
    expect(missingBars({ from: 0, to: 2 * M }, M, stored)).toEqual([]);
  });

  it('counts bars of a range', () => {
    expect(barCount({ from: 2 * M, to: 4 * M }, M)).toBe(2);
  });
});
