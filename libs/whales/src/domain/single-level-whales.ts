import { BookStatistics } from './book-statistics';
import { singleLevelConfidence } from './confidence';
import { DetectionRules } from './detection-rules';
import { notionalUsd, PricedLevel } from './order-book';
import { WhaleFinding } from './whale-candidate';

/**
 * Single-price-point whales on one side. A level is one when all three hold:
 * - its amount is strictly over `minShareOfBook` of the total amount on both sides (the original's
 *   "> 1% of total volume", read as the visible book in base units, see BookStatistics);
 * - it is at least `minSizeVsMedian` times the median level of the rest of the book;
 * - its notional is strictly over the USD threshold (the original alerted on "whales > $25K").
 * The cheap float tests run first; the USD test is exact. Levels in `taken` (already part of a
 * ladder) are skipped.
 */
export function findSingleLevelWhales(
  levels: readonly PricedLevel[],
  stats: BookStatistics,
  rules: DetectionRules,
  taken: ReadonlySet<PricedLevel>,
): WhaleFinding[] {
  const found: WhaleFinding[] = [];
  for (const level of levels) {
    if (taken.has(level) || !(level.amount / stats.totalAmount > rules.minShareOfBook)) {
      continue;
    }
    const standout = stats.standoutOfLevel(level);
    if (!(standout >= rules.minSizeVsMedian)) {
      continue;
    }
    const notional = notionalUsd([level]);
    if (notional.gt(rules.thresholdUsd)) {
      found.push(singleFinding(level, stats, notional, standout));
    }
  }
  return found;
}

/** A single level's figures and confidence, whatever the rules (a tracked whale as it is now). */
export function singleFinding(
  level: PricedLevel,
  stats: BookStatistics,
  notional = notionalUsd([level]),
  standout = stats.standoutOfLevel(level),
): WhaleFinding {
  return {
    kind: 'single',
    levels: [level],
    notionalUsd: notional,
    standout,
    confidence: singleLevelConfidence({ standout, orders: level.level.orders }),
  };
}
