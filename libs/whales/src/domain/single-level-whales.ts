import { BookStatistics } from './book-statistics';
import { singleLevelConfidence } from './confidence';
import { DetectionRules } from './detection-rules';
import { notionalOver, notionalUsd, SideLevels } from './order-book';
import { WhaleFinding } from './whale-candidate';

/**
 * Single-price-point whales on one side. A level is one when all three hold:
 * - its amount is strictly over `minShareOfBook` of the total amount on both sides (the original's
 *   "> 1% of total volume", read as the visible book in base units, see BookStatistics);
 * - it is at least `minSizeVsMedian` times the median level of the rest of the book;
 * - its notional is strictly over the USD threshold (the original alerted on "whales > $25K").
 * The cheap float tests run first; the USD test is exact. `candidates` are the positions in
 * `side` to consider; those in `taken` (already part of a ladder) are skipped.
 */
export function findSingleLevelWhales(
  side: SideLevels,
  candidates: ArrayLike<number>,
  stats: BookStatistics,
  rules: DetectionRules,
  taken: ReadonlySet<number>,
): WhaleFinding[] {
  const found: WhaleFinding[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const position = candidates[i];
    const amount = side.amount[position];
    if (taken.has(position) || !(amount / stats.totalAmount > rules.minShareOfBook)) {
      continue;
    }
    const standout = stats.standoutOfLevel(amount);
    if (!(standout >= rules.minSizeVsMedian)) {
      continue;
    }
    const notional = notionalOver(side, [position], rules.thresholdUsd);
    if (notional) {
      found.push(singleFinding(side, position, stats, notional, standout));
    }
  }
  return found;
}

/** A single level's figures and confidence, whatever the rules (a tracked whale as it is now). */
export function singleFinding(
  side: SideLevels,
  position: number,
  stats: BookStatistics,
  notional = notionalUsd(side, [position]),
  standout = stats.standoutOfLevel(side.amount[position]),
): WhaleFinding {
  return {
    kind: 'single',
    positions: [position],
    notionalUsd: notional,
    standout,
    confidence: singleLevelConfidence({ standout, orders: side.levels[position].orders }),
  };
}
