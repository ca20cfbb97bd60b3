import { seededRandom } from '@nexwave/core';

import { MAX_CONFIDENCE, MIN_CONFIDENCE } from './confidence';
import { bookView, detectInView, detectWhales } from './detect-whales';
import { detectionRules } from './detection-rules';
import { book, level, levels, randomBook } from './testing/books';

const rules = detectionRules({ thresholdUsd: 25_000 });

describe('detectWhales', () => {
  it('finds nothing in an empty book', () => {
    expect(detectWhales(book([], []), rules)).toEqual([]);
  });

  it.each([
    ['bids only', book([level(1000, 40), ...levels(999, -1, 9)], []), 'bid'],
    ['asks only', book([], [level(1001, 40), ...levels(1002, 1, 9)]), 'ask'],
  ])('works on a one-sided book (%s)', (_case, oneSided, side) => {
    expect(detectWhales(oneSided, rules).map((w) => `${w.side} ${w.kind}`)).toEqual([
      `${side} single`,
    ]);
  });

  it('a level alone in the book is the whole book: it stands out fully', () => {
    const [whale] = detectWhales(book([level(1000, 30)], []), rules);
    expect(whale.standout).toBe(Infinity);
    expect(whale.confidence).toBe(MAX_CONFIDENCE);
  });

  it('ignores malformed or empty levels instead of failing the whole book', () => {
    const bids = [level(1000, 0), level('abc', 5), level(999, 40), ...levels(998, -1, 8)];
    expect(detectWhales(book(bids, levels(1001, 1, 10)), rules).map((w) => w.priceLow)).toEqual([
      '999',
    ]);
  });

  it('reports whales on both sides, bids first, each side best price first', () => {
    const bids = [...levels(1000, -1, 5), level(995, 40), level(994, 30), ...levels(993, -1, 3)];
    const asks = [level(1001, 50), ...levels(1002, 1, 9)];
    expect(
      detectWhales(book(bids, asks, 'kBONK'), rules).map(
        (w) => `${w.symbol} ${w.side} ${w.priceLow}`,
      ),
    ).toEqual(['kBONK bid 995', 'kBONK bid 994', 'kBONK ask 1001']);
  });

  describe('on 1,000 seeded random books', () => {
    const random = seededRandom(42);
    const lowThreshold = detectionRules({ thresholdUsd: 10_000 });
    const found = Array.from({ length: 1_000 }, () =>
      detectWhales(randomBook(random), lowThreshold),
    );
    const all = found.flat();

    it('finds some singles and some ladders (the generator is not degenerate)', () => {
      expect(all.filter((w) => w.kind === 'single').length).toBeGreaterThan(50);
      expect(all.filter((w) => w.kind === 'ladder').length).toBeGreaterThan(5);
    });

    it('keeps every confidence within [0.6, 0.95]', () => {
      const confidences = all.map((w) => w.confidence);
      expect(Math.min(...confidences)).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
      expect(Math.max(...confidences)).toBeLessThanOrEqual(MAX_CONFIDENCE);
    });

    it('reports each level at most once, with a consistent shape', () => {
      const reusedLevels = found.filter((whales) => {
        const used = whales.flatMap((w) => w.levels);
        return new Set(used).size !== used.length;
      });
      const malformed = all.filter(
        (w) =>
          Number(w.priceLow) > Number(w.priceHigh) ||
          (w.kind === 'ladder' ? w.levels.length < 2 : w.levels.length !== 1) ||
          !(Number(w.notionalUsd) > 10_000),
      );
      expect(reusedLevels).toEqual([]);
      expect(malformed).toEqual([]);
    });
  });

  it('reports a single whale before a ladder further from the best price (book order)', () => {
    const bids = [
      level(1000, 60),
      ...levels(999, -1, 2),
      ...levels(997, -1, 3, 12),
      ...levels(994, -1, 8),
    ];
    expect(
      detectWhales(book(bids, levels(1001, 1, 10)), rules).map(
        (w) => `${w.kind} ${w.priceLow}-${w.priceHigh}`,
      ),
    ).toEqual(['single 1000-1000', 'ladder 995-997']);
  });

  it('with levels claimed, still reports an unclaimed best level once (mutation testing)', () => {
    const bids = [level(1000, 40), ...levels(999, -1, 4), level(994, 30), ...levels(993, -1, 4)];
    const view = bookView(book(bids, levels(1001, 1, 10)));
    const claimed = { bid: new Set([5]), ask: new Set<number>() };
    expect(detectInView(view, rules, claimed).map((w) => `${w.side} ${w.priceLow}`)).toEqual([
      'bid 1000',
    ]);
  });

  it('leaves claimed levels out of new detections', () => {
    const bids = [...levels(1000, -1, 5), level(995, 40), level(994, 30), ...levels(993, -1, 3)];
    const view = bookView(book(bids, [level(1001, 50), ...levels(1002, 1, 9)]));
    const claimed = {
      bid: new Set([view.bid.levels.findIndex((claimedLevel) => claimedLevel.price === '995')]),
      ask: new Set<number>(),
    };
    expect([...claimed.bid]).toEqual([5]);

    expect(detectInView(view, rules, claimed).map((w) => `${w.side} ${w.priceLow}`)).toEqual([
      'bid 994',
      'ask 1001',
    ]);
  });
});
