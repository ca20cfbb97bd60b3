import { BookStatistics, medianOfSorted } from './book-statistics';
import { ladderConfidence } from './confidence';
import { DetectionRules, LadderRules } from './detection-rules';
import { notionalUsd, PricedLevel } from './order-book';
import { WhaleFinding } from './whale-candidate';

/**
 * Ladders on one side: runs of at least `minLevels` levels that are
 * - consecutive: adjacent in the snapshot, except that up to two smaller levels between two rungs
 *   (under the similar band) are passed over, since a ladder placed off the market makers' price
 *   grid interleaves with their quotes (issue 16's BTC ladder), and a rung being filled is not
 *   one of its kind any more;
 * - evenly spaced: each price step between rungs within [1/maxStepRatio, maxStepRatio] times the
 *   run's first step, so a wide gap (empty prices between two levels) ends the ladder;
 * - similar: every amount within ±sizeTolerance of the run's median amount;
 * - larger than the book around them: run median at least `minSizeVsMedian` times the median of
 *   the levels outside the run (otherwise a uniform market-maker book would be one big ladder);
 * - together strictly over the USD threshold (the 1% share rule is for single levels only).
 * A run one rung short of `minLevels` (two for the default three) is still a ladder when its next
 * rung would lie past the last level shown: the stream shows ten levels a side, and a ladder
 * interleaved with ordinary quotes often has its far rungs beyond them.
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
  while (start + 1 < levels.length) {
    const run = runFrom(levels, start, rules.ladder);
    if (run.length < minLevels && !(run.length === minLevels - 1 && cutByEdge(run, levels))) {
      start += 1;
      continue;
    }
    const ladder = evaluate(run, stats, rules);
    if (ladder) {
      found.push(ladder);
    }
    start = levels.indexOf(run[run.length - 1], start) + 1;
  }
  return found;
}

const MAX_ORDINARY_BETWEEN_RUNGS = 2;

/** Whether the run's next rung, one first step further out, would be past the side's last level. */
function cutByEdge(run: readonly PricedLevel[], levels: readonly PricedLevel[]): boolean {
  if (run.length < 2) {
    return false;
  }
  const step = Math.abs(run[1].price - run[0].price);
  return Math.abs(levels[levels.length - 1].price - run[run.length - 1].price) < step;
}

/** The longest run of rungs starting at `start`. */
function runFrom(levels: readonly PricedLevel[], start: number, rules: LadderRules): PricedLevel[] {
  const run = [levels[start]];
  const sortedAmounts = [levels[start].amount];
  const skipBelow = 1 - rules.sizeTolerance;
  let skipped = 0;
  for (let next = start + 1; next < levels.length; next++) {
    const level = levels[next];
    if (level.amount < skipBelow * medianOfSorted(sortedAmounts)) {
      skipped += 1;
      if (skipped > MAX_ORDINARY_BETWEEN_RUNGS) {
        break;
      }
      continue;
    }
    skipped = 0;
    if (!evenlySpaced(run, level, rules.maxStepRatio)) {
      break;
    }
    insertSorted(sortedAmounts, level.amount);
    if (!similar(sortedAmounts, rules.sizeTolerance)) {
      break;
    }
    run.push(level);
  }
  return run;
}

/** Whether the step from the run's last rung to `next` is within [1/r, r] times its first step. */
function evenlySpaced(
  run: readonly PricedLevel[],
  next: PricedLevel,
  maxStepRatio: number,
): boolean {
  const step = Math.abs(next.price - run[run.length - 1].price);
  const firstStep = run.length > 1 ? Math.abs(run[1].price - run[0].price) : step;
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
  return ladderFinding(run, stats, notional, standout);
}

/** A ladder's figures and confidence, whatever the rules (a tracked ladder as it is now). */
export function ladderFinding(
  run: readonly PricedLevel[],
  stats: BookStatistics,
  notional = notionalUsd(run),
  standout = stats.standoutOfRun(run),
): WhaleFinding {
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
