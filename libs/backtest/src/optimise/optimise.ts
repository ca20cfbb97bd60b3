import type { BacktestSummary } from '../domain/backtest-input';
import type { OptimiseTask } from './evaluate';
import { rank, score, type Objective } from './objective';
import type { OptimiserPool } from './optimiser-pool';
import type { ParameterSet } from './parameter-space';
import type { Fold, Window } from './walk-forward';

export interface OptimiseRun {
  /** The set's position in the list given (the tie-breaker). */
  readonly index: number;
  readonly parameters: ParameterSet;
  readonly summary: BacktestSummary;
  readonly score: number | null;
}

export interface WalkForwardResult {
  readonly fold: Fold;
  /** The best set in-sample, with its in-sample figures. */
  readonly best: OptimiseRun;
  /** The same set on the unseen window: far below `best` means over-fitting. */
  readonly outOfSample: BacktestSummary;
  readonly outOfSampleScore: number | null;
}

/** Every set backtested (over `window` when given), ranked by `objective`, best first. */
export async function optimise(
  pool: OptimiserPool,
  sets: readonly ParameterSet[],
  objective: Objective,
  { window, onDone }: { window?: Window; onDone?: (done: number) => void } = {},
): Promise<OptimiseRun[]> {
  const tasks: OptimiseTask[] = sets.map((parameters, index) => ({ index, parameters, window }));
  const summaries = await pool.run(tasks, onDone);
  return rank(
    sets.map((parameters, index) => ({
      index,
      parameters,
      summary: summaries[index],
      score: score(objective, summaries[index]),
    })),
  );
}

/**
 * Per fold, every set ranked in-sample, then the best one run out-of-sample. `onDone` counts all
 * runs (folds × (sets + 1)).
 */
export async function walkForward(
  pool: OptimiserPool,
  sets: readonly ParameterSet[],
  objective: Objective,
  folds: readonly Fold[],
  onDone?: (done: number) => void,
): Promise<WalkForwardResult[]> {
  const results: WalkForwardResult[] = [];
  for (const fold of folds) {
    const offset = results.length * (sets.length + 1);
    const [best] = await optimise(pool, sets, objective, {
      window: fold.inSample,
      onDone: (done) => onDone?.(offset + done),
    });
    const [outOfSample] = await pool.run([
      { index: best.index, parameters: best.parameters, window: fold.outOfSample },
    ]);
    onDone?.(offset + sets.length + 1);
    results.push({ fold, best, outOfSample, outOfSampleScore: score(objective, outOfSample) });
  }
  return results;
}
