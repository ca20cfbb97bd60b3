import type { BacktestRequest } from '../../domain/backtest-request';
import type { BacktestRun, BacktestRunOutcome } from '../../domain/backtest-run';

export interface BacktestRunPage {
  readonly items: readonly BacktestRun[];
  readonly total: number;
}

/** Stored backtest runs (DI token). */
export abstract class BacktestRunRepository {
  /** A new run in status `running`. */
  abstract create(request: BacktestRequest, at: Date): Promise<BacktestRun>;
  abstract progress(id: string, done: number, total: number): Promise<void>;
  abstract finish(id: string, outcome: BacktestRunOutcome, at: Date): Promise<void>;
  abstract get(id: string): Promise<BacktestRun | null>;
  /** Newest first. */
  abstract list(offset: number, limit: number): Promise<BacktestRunPage>;
}
