import { BookStatistics, medianOfSorted } from './book-statistics';
import { ladderConfidence } from './confidence';
import { DetectionRules, LadderRules } from './detection-rules';
import { notionalUsd, PricedLevel } from './order-book';
import { WhaleFinding } from './whale-candidate';

/**
 * Ladders on one side: runs of at least `minLevels` levels that are
 * - consecutive: adjacent in the snapshot (no other visible level between them) AND evenly
 *   spaced: each price step within [1/maxStepRatio, maxStepRatio] times the run's first step, so a
 *   wide gap (empty prices between two levels) ends the ladder;
 * - similar: every amount within ±sizeTolerance of the run's median amount;
 * - larger than the book around them: run median at least `minSizeVsMedian` times the median of
 *   the levels outside the run (otherwise a uniform market-maker book would be one big ladder);
 * - together strictly over the USD threshold (the 1% share rule is for single levels only).
 * The side is scanned from the best price outward and runs are maximal and never overlap.
 */
export function findLadders(
  levels: readonly PricedLevel[],
  stats: BookStatistics,
  rules: DetectionRules,
): WhaleFinding[] {
  const found: WhaleFinding[] = [];
  const { minLevels } = rules.ladder;
  let start = 0;
  while (start + minLevels <= levels.length) {
    const end = runEnd(levels, start, rules.ladder);
    if (end - start < minLevels) {
      start += 1;
      continue;
    }
    const ladder = evaluate(levels.slice(start, end), stats, rules);
    if (ladder) {
      found.push(ladder);
    }
    start = end;
  }
  return found;
}

/** Exclusive end of the longest run starting at `start`. */
function runEnd(levels: readonly PricedLevel[], start: number, rules: LadderRules): number {
  const sortedAmounts = [levels[start].amount];
  let end = start + 1;
  while (end < levels.length && evenlySpaced(levels, start, end, rules.maxStepRatio)) {
    insertSorted(sortedAmounts, levels[end].amount);
    if (!similar(sortedAmounts, rules.sizeTolerance)) {
      break;
    }
    end += 1;
  }
  return end;
}

/** Whether the step into levels[next] is within [1/r, r] times the run's first step. */
function evenlySpaced(
  levels: readonly PricedLevel[],
  start: number,
  next: number,
  maxStepRatio: number,
): boolean {
  const firstStep = Math.abs(levels[start + 1].price - levels[start].price);
  const step = Math.abs(levels[next].price - levels[next - 1].price);
  const ratio = step / firstStep;
  return step > 0 && firstStep > 0 && ratio <= maxStepRatio && ratio >= 1 / maxStepRatio;
}

/** Every amount within ±tolerance of the median: only the extremes need checking. */
function similar(sortedAmounts: readonly number[], tolerance: number): boolean {
  const middle = medianOfSorted(sortedAmounts);
  const limit = tolerance * middle;
  return (
    Math.abs(sortedAmounts[0] - middle) <= limit &&
    Math.abs(sortedAmounts[sortedAmounts.length - 1] - middle) <= limit
  );
}

function insertSorted(sorted: number[], value: number): void {
  let index = sorted.length;
  while (index > 0 && sorted[index - 1] > value) {
    index -= 1;
  }
  sorted.splice(index, 0, value);
}

function evaluate(
  run: readonly PricedLevel[],
  stats: BookStatistics,
  rules: DetectionRules,
): WhaleFinding | null {
  const standout = stats.standoutOfRun(run);
  if (!(standout >= rules.ladder.minSizeVsMedian)) {
    return null;
  }
  const notional = notionalUsd(run);
  if (!notional.gt(rules.thresholdUsd)) {
    return null;
  }
  const amounts = run.map((l) => l.amount);
  const steps = run.slice(1).map((l, i) => Math.abs(l.price - run[i].price));
  const regularity =
    (Math.min(...amounts) / Math.max(...amounts) + Math.min(...steps) / Math.max(...steps)) / 2;
  const orders = run.reduce((sum, l) => sum + Math.max(1, l.level.orders), 0);
  return {
    kind: 'ladder',
    levels: run,
    notionalUsd: notional,
    standout,
    confidence: ladderConfidence({
      standout,
      levelCount: run.length,
      regularity,
      ordersPerLevel: orders / run.length,
    }),
  };
}
