import { seededRandom } from '@nexwave/core';

import {
  ladderConfidence,
  LadderEvidence,
  MAX_CONFIDENCE,
  MIN_CONFIDENCE,
  singleLevelConfidence,
} from './confidence';

const random = seededRandom(7);
const pick = (values: number[]) => values[Math.floor(random() * values.length)];
const odd = [NaN, Infinity, -Infinity, -1, 0];
const anyNumber = () => (random() < 0.1 ? pick(odd) : random() * pick([1, 5, 50, 1_000]));
const inBounds = (confidence: number) =>
  confidence >= MIN_CONFIDENCE && confidence <= MAX_CONFIDENCE;

describe('confidence', () => {
  it('stays within [0.6, 0.95] for any input, even nonsense', () => {
    const outOfBounds: unknown[] = [];
    for (let i = 0; i < 5_000; i++) {
      const single = { standout: anyNumber(), orders: anyNumber() };
      const ladder: LadderEvidence = {
        standout: anyNumber(),
        levelCount: anyNumber(),
        regularity: anyNumber(),
        ordersPerLevel: anyNumber(),
      };
      if (!inBounds(singleLevelConfidence(single))) {
        outOfBounds.push(single);
      }
      if (!inBounds(ladderConfidence(ladder))) {
        outOfBounds.push(ladder);
      }
    }
    expect(outOfBounds).toEqual([]);
  });

  it.each([
    ['the least a rule lets through', { standout: 1, orders: 50 }, 0.6024],
    ['one order, 20x the book', { standout: 20, orders: 1 }, MAX_CONFIDENCE],
    ['one order, 3x the book', { standout: 3, orders: 1 }, 0.8059],
    ['ten orders, 3x the book', { standout: 3, orders: 10 }, 0.6957],
  ])('single level: %s', (_case, evidence, expected) => {
    expect(singleLevelConfidence(evidence)).toBeCloseTo(expected, 4);
  });

  it('single level: rounded to 4 decimals', () => {
    expect(singleLevelConfidence({ standout: 3, orders: 1 })).toBe(0.8059);
    expect(singleLevelConfidence({ standout: 1, orders: 50 })).toBe(0.6024);
  });

  it.each<[string, LadderEvidence, number]>([
    [
      'three levels, 4x the book, fairly regular, three orders each',
      { standout: 4, levelCount: 3, regularity: 0.9, ordersPerLevel: 3 },
      0.7748,
    ],
    [
      'three levels, 2x the book, half as regular, two orders each',
      { standout: 2, levelCount: 3, regularity: 0.5, ordersPerLevel: 2 },
      0.7202,
    ],
    [
      'five levels, 3x the book, one order each',
      { standout: 3, levelCount: 5, regularity: 0.8, ordersPerLevel: 1 },
      0.833,
    ],
    [
      'two levels that barely stand out, ten orders each',
      { standout: 1, levelCount: 2, regularity: 0, ordersPerLevel: 10 },
      0.6053,
    ],
    [
      'six levels, 20x the book, identical, one order each',
      { standout: 20, levelCount: 6, regularity: 1, ordersPerLevel: 1 },
      MAX_CONFIDENCE,
    ],
  ])(
    'ladder: %s (weights 0.35 stand-out, 0.25 length, 0.25 regularity, 0.15 concentration; rounded to 4 decimals)',
    (_case, evidence, expected) => {
      expect(ladderConfidence(evidence)).toBe(expected);
    },
  );

  it('single level: non-decreasing in stand-out, non-increasing in orders', () => {
    const violations: unknown[] = [];
    for (let i = 0; i < 2_000; i++) {
      const standout = random() * 40;
      const orders = 1 + Math.floor(random() * 20);
      const base = singleLevelConfidence({ standout, orders });
      if (
        singleLevelConfidence({ standout: standout * 1.5, orders }) < base ||
        singleLevelConfidence({ standout, orders: orders + 1 }) > base
      ) {
        violations.push({ standout, orders });
      }
    }
    expect(violations).toEqual([]);
  });

  it('ladder: non-decreasing in stand-out, length and regularity, non-increasing in orders', () => {
    const violations: unknown[] = [];
    for (let i = 0; i < 2_000; i++) {
      const evidence: LadderEvidence = {
        standout: random() * 40,
        levelCount: 3 + Math.floor(random() * 8),
        regularity: random(),
        ordersPerLevel: 1 + random() * 10,
      };
      const base = ladderConfidence(evidence);
      const better: Partial<LadderEvidence>[] = [
        { standout: evidence.standout * 1.5 },
        { levelCount: evidence.levelCount + 1 },
        { regularity: Math.min(1, evidence.regularity + 0.1) },
      ];
      const worse = ladderConfidence({ ...evidence, ordersPerLevel: evidence.ordersPerLevel + 1 });
      if (
        better.some((change) => ladderConfidence({ ...evidence, ...change }) < base) ||
        worse > base
      ) {
        violations.push(evidence);
      }
    }
    expect(violations).toEqual([]);
  });

  it('ladder: strictly more confident for a 4th level and for one order per level', () => {
    const three: LadderEvidence = {
      standout: 4,
      levelCount: 3,
      regularity: 0.9,
      ordersPerLevel: 3,
    };
    expect(ladderConfidence({ ...three, levelCount: 4 })).toBeGreaterThan(ladderConfidence(three));
    expect(ladderConfidence({ ...three, ordersPerLevel: 1 })).toBeGreaterThan(
      ladderConfidence(three),
    );
  });
});
