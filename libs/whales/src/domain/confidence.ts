/**
 * Confidence that a detection is one deliberate large order (or one actor's ladder) rather than
 * ordinary liquidity: always in [0.6, 0.95] (the original's range), 0.6 for a detection that
 * barely passes the rules. Each input is first mapped to a score in [0, 1]:
 * - stand-out: amount over the median level of the rest of the book, on a log scale, full at 20x;
 * - concentration: 1 / orders per level (Pacifica's `n`): one order of 10 BTC is a whale, ten
 *   orders of 1 BTC at the same price are a crowd;
 * - ladder length: 3 levels score 0.25, full at 6 (a side shows at most 10 levels);
 * - ladder regularity: mean of smallest/largest amount and smallest/largest price step.
 * The confidence is non-decreasing in stand-out, length and regularity, non-increasing in orders.
 */
export const MIN_CONFIDENCE = 0.6;
export const MAX_CONFIDENCE = 0.95;

const FULL_STANDOUT = 20;
const FULL_LADDER_LENGTH = 6;

export interface SingleLevelEvidence {
  readonly standout: number;
  readonly orders: number;
}

export interface LadderEvidence {
  readonly standout: number;
  readonly levelCount: number;
  /** In [0, 1]; 1 = identical amounts and identical price steps. */
  readonly regularity: number;
  readonly ordersPerLevel: number;
}

export function singleLevelConfidence(evidence: SingleLevelEvidence): number {
  return fromScore(
    0.65 * standoutScore(evidence.standout) + 0.35 * concentrationScore(evidence.orders),
  );
}

export function ladderConfidence(evidence: LadderEvidence): number {
  const length = unit((evidence.levelCount - 2) / (FULL_LADDER_LENGTH - 2));
  return fromScore(
    0.35 * standoutScore(evidence.standout) +
      0.25 * length +
      0.25 * unit(evidence.regularity) +
      0.15 * concentrationScore(evidence.ordersPerLevel),
  );
}

function standoutScore(standout: number): number {
  return unit(Math.log(standout) / Math.log(FULL_STANDOUT));
}

/** A level always holds at least one order; a missing or zero count is read as one. */
function concentrationScore(orders: number): number {
  return 1 / Math.max(1, orders);
}

function fromScore(score: number): number {
  const confidence = MIN_CONFIDENCE + (MAX_CONFIDENCE - MIN_CONFIDENCE) * unit(score);
  return Math.round(confidence * 10_000) / 10_000;
}

/** Clamps to [0, 1]; NaN (e.g. 0/0) counts as 0. */
function unit(value: number): number {
  return value > 0 ? Math.min(1, value) : 0;
}
