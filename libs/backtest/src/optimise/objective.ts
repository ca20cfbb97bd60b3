import type { BacktestSummary } from '../domain/backtest-input';
import { OptimiseError } from './optimise.errors';

/** What a run is ranked by, higher first (`maxDrawdownPct`: smaller first). */
export const OBJECTIVES = {
  sharpe: (s: BacktestSummary) => s.sharpe,
  sortino: (s: BacktestSummary) => s.sortino,
  pnl: (s: BacktestSummary) => Number(s.pnl),
  returnPct: (s: BacktestSummary) => s.returnPct,
  profitFactor: (s: BacktestSummary) => s.profitFactor,
  winRate: (s: BacktestSummary) => s.winRate,
  maxDrawdownPct: (s: BacktestSummary) => -s.maxDrawdownPct,
} as const;

export type Objective = keyof typeof OBJECTIVES;

export function parseObjective(name: string): Objective {
  if (!Object.hasOwn(OBJECTIVES, name)) {
    throw new OptimiseError(
      'UNKNOWN_OBJECTIVE',
      `objective ${name}: expected one of ${Object.keys(OBJECTIVES).join(', ')}`,
      { parameter: 'objective' },
    );
  }
  return name as Objective;
}

/** The score to rank by; null (not measurable) ranks last. */
export function score(objective: Objective, summary: BacktestSummary): number | null {
  const value = OBJECTIVES[objective](summary);
  return value === null || Number.isNaN(value) ? null : value;
}

/** Best first; ties (and nulls) keep the order of `index`, so the ranking never depends on timing. */
export function rank<T extends { readonly index: number; readonly score: number | null }>(
  runs: readonly T[],
): T[] {
  return [...runs].sort(
    (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.index - b.index,
  );
}
