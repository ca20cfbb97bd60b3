import { BookStatistics, medianOfSorted } from './book-statistics';
import { ladderConfidence } from './confidence';
import { DetectionRules, LadderRules } from './detection-rules';
import { notionalOver, notionalUsd, SideLevels } from './order-book';
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
 * `candidates` are the positions in `side` to consider, ascending (the levels not yet claimed by
 * a tracked whale); a finding's levels are positions in `side`.
 */
export function findLadders(
  side: SideLevels,
  candidates: ArrayLike<number>,
  stats: BookStatistics,
  rules: DetectionRules,
): WhaleFinding[] {
  const found: WhaleFinding[] = [];
  const { minLevels } = rules.ladder;
  const scan = new RunScan(side, candidates, rules.ladder);
  let start = 0;
  while (start + 1 < candidates.length) {
    const length = scan.runFrom(start);
    if (length < minLevels && !(length === minLevels - 1 && scan.cutByEdge(length))) {
      start += 1;
      continue;
    }
    const standout = stats.standoutOfRun(scan.sortedAmounts, length);
    if (standout >= rules.ladder.minSizeVsMedian) {
      const run = scan.positions(length);
      const notional = notionalOver(side, run, rules.thresholdUsd);
      if (notional) {
        found.push(ladderFinding(side, run, stats, notional, standout));
      }
    }
    start = scan.run[length - 1] + 1;
  }
  return found;
}

const MAX_ORDINARY_BETWEEN_RUNGS = 2;

/**
 * Scratch for the run being scanned: its indices into the candidates and its amounts kept
 * sorted. Shared by every scan (detection is synchronous, one scan at a time) and grown when a
 * side is longer, so scanning allocates nothing per level or per book.
 */
let scratchRun = new Int32Array(64);
let scratchAmounts = new Float64Array(64);

/** Finds runs over the candidates, in the shared scratch. */
class RunScan {
  readonly run: Int32Array;
  readonly sortedAmounts: Float64Array;
  private readonly skipBelow: number;

  constructor(
    private readonly side: SideLevels,
    private readonly candidates: ArrayLike<number>,
    private readonly rules: LadderRules,
  ) {
    if (scratchRun.length < candidates.length) {
      scratchRun = new Int32Array(candidates.length);
      scratchAmounts = new Float64Array(candidates.length);
    }
    this.run = scratchRun;
    this.sortedAmounts = scratchAmounts;
    this.skipBelow = 1 - rules.sizeTolerance;
  }

  /**
   * The longest run of rungs starting at candidate `start`: its length, its indices in `run`,
   * its amounts ascending in `sortedAmounts`.
   */
  runFrom(start: number): number {
    this.run[0] = start;
    this.sortedAmounts[0] = this.amount(start);
    let length = 1;
    let skipped = 0;
    for (let next = start + 1; next < this.candidates.length; next++) {
      const amount = this.amount(next);
      if (amount < this.skipBelow * medianOfSorted(this.sortedAmounts, length)) {
        skipped += 1;
        if (skipped > MAX_ORDINARY_BETWEEN_RUNGS) {
          break;
        }
        continue;
      }
      skipped = 0;
      if (!this.evenlySpaced(length, next)) {
        break;
      }
      const at = insertSorted(this.sortedAmounts, length, amount);
      if (!similar(this.sortedAmounts, length + 1, this.rules.sizeTolerance)) {
        this.sortedAmounts.copyWithin(at, at + 1, length + 1);
        break;
      }
      this.run[length] = next;
      length += 1;
    }
    return length;
  }

  /** Whether the run's next rung, one first step further out, would be past the last candidate. */
  cutByEdge(length: number): boolean {
    if (length < 2) {
      return false;
    }
    const step = Math.abs(this.price(this.run[1]) - this.price(this.run[0]));
    const last = this.candidates.length - 1;
    return Math.abs(this.price(last) - this.price(this.run[length - 1])) < step;
  }

  /** The run's positions in the side. */
  positions(length: number): number[] {
    const positions: number[] = [];
    for (let i = 0; i < length; i++) {
      positions.push(this.candidates[this.run[i]]);
    }
    return positions;
  }

  /** Whether the step from the run's last rung to `next` is within [1/r, r] times its first step. */
  private evenlySpaced(length: number, next: number): boolean {
    const step = Math.abs(this.price(next) - this.price(this.run[length - 1]));
    const firstStep =
      length > 1 ? Math.abs(this.price(this.run[1]) - this.price(this.run[0])) : step;
    const ratio = step / firstStep;
    const { maxStepRatio } = this.rules;
    return step > 0 && firstStep > 0 && ratio <= maxStepRatio && ratio >= 1 / maxStepRatio;
  }

  private price(candidate: number): number {
    return this.side.price[this.candidates[candidate]];
  }

  private amount(candidate: number): number {
    return this.side.amount[this.candidates[candidate]];
  }
}

/** Every amount within ±tolerance of the median: only the extremes need checking. */
function similar(sortedAmounts: Float64Array, length: number, tolerance: number): boolean {
  const middle = medianOfSorted(sortedAmounts, length);
  const limit = tolerance * middle;
  return (
    Math.abs(sortedAmounts[0] - middle) <= limit &&
    Math.abs(sortedAmounts[length - 1] - middle) <= limit
  );
}

/** Inserts `value` into the first `length` values of `sorted`, keeping them sorted: its index. */
function insertSorted(sorted: Float64Array, length: number, value: number): number {
  let index = length;
  while (index > 0 && sorted[index - 1] > value) {
    sorted[index] = sorted[index - 1];
    index -= 1;
  }
  sorted[index] = value;
  return index;
}

/** A ladder's figures and confidence, whatever the rules (a tracked ladder as it is now). */
export function ladderFinding(
  side: SideLevels,
  run: number[],
  stats: BookStatistics,
  notional = notionalUsd(side, run),
  standout = stats.standoutOfRun(Float64Array.from(amountsOf(side, run)).sort()),
): WhaleFinding {
  const amounts = amountsOf(side, run);
  const steps = run.slice(1).map((p, i) => Math.abs(side.price[p] - side.price[run[i]]));
  const regularity =
    (Math.min(...amounts) / Math.max(...amounts) + Math.min(...steps) / Math.max(...steps)) / 2;
  const orders = run.reduce((sum, p) => sum + Math.max(1, side.levels[p].orders), 0);
  return {
    kind: 'ladder',
    positions: run,
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

function amountsOf(side: SideLevels, positions: readonly number[]): number[] {
  return positions.map((p) => side.amount[p]);
}
