import type { BacktestRun } from '../../domain/backtest-run';

/** A run as the API shows it; `detail` adds its trades and equity curve. */
export function backtestRunView(run: BacktestRun, detail: boolean) {
  const view = {
    id: run.id,
    strategy: run.strategy,
    parameters: run.parameters,
    symbols: run.symbols,
    timeframe: run.timeframe,
    from: run.from.toISOString(),
    to: run.to.toISOString(),
    status: run.status,
    progress: { candlesDone: run.candlesDone, candlesTotal: run.candlesTotal },
    summary: run.summary,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
  return detail ? { ...view, trades: run.trades, equityCurve: run.equityCurve } : view;
}

export const DEFAULT_RUNS_LIMIT = 20;
export const MAX_RUNS_LIMIT = 100;
