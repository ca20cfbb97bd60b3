import type { BacktestEquityPoint, BacktestResult, BacktestSummary } from '@nexwave/backtest';
import type { RoundTrip } from '@nexwave/strategy';

import type { BacktestRequest } from './backtest-request';

export type BacktestRunStatus = 'running' | 'succeeded' | 'failed';

/** A stored run: its request, progress and, once finished, its figures or its error. */
export interface BacktestRun extends BacktestRequest {
  readonly id: string;
  readonly status: BacktestRunStatus;
  readonly candlesDone: number;
  readonly candlesTotal: number;
  readonly summary: BacktestSummary | null;
  readonly trades: readonly RoundTrip[];
  readonly equityCurve: readonly BacktestEquityPoint[];
  readonly error: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export type BacktestRunOutcome =
  | {
      readonly status: 'succeeded';
      readonly summary: BacktestSummary;
      readonly trades: readonly RoundTrip[];
      readonly equityCurve: readonly BacktestEquityPoint[];
    }
  | { readonly status: 'failed'; readonly error: string };

/** At most this many trades and equity points are stored with a run. */
export const STORED_TRADES = 10_000;
export const STORED_EQUITY_POINTS = 2_000;

/** The result bounded for storage: the first trades, the curve thinned evenly (ends kept). */
export function storedOutcome(result: BacktestResult): BacktestRunOutcome {
  return {
    status: 'succeeded',
    summary: result.summary,
    trades: result.trades.slice(0, STORED_TRADES),
    equityCurve: thin(result.equityCurve, STORED_EQUITY_POINTS),
  };
}

export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) {
    return [...points];
  }
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}
