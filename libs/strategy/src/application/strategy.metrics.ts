import { Counter, Gauge, Registry } from 'prom-client';

import type { StrategyPerformanceView } from './queries/performance-read-model.port';

/** The engine's counters, registered in the given registry (one per app, so tests never collide). */
export class StrategyMetrics {
  readonly signalsLost: Counter;
  readonly equityUsd: Gauge<'strategy'>;
  readonly pnlUsd: Gauge<'strategy' | 'kind'>;

  constructor(readonly registry: Registry = new Registry()) {
    this.signalsLost = new Counter({
      name: 'nexwave_strategy_signals_lost_total',
      help: 'Signals dropped unstored: the database (or the exchange, for the lot size) did not answer within one candle',
      registers: [registry],
    });
    this.equityUsd = new Gauge({
      name: 'nexwave_strategy_equity_usd',
      help: 'Equity of each strategy (starting equity plus its PnL), at its last recorded performance point',
      labelNames: ['strategy'],
      registers: [registry],
    });
    this.pnlUsd = new Gauge({
      name: 'nexwave_strategy_pnl_usd',
      help: 'PnL of each strategy by kind (realised | unrealised | total), at its last recorded performance point',
      labelNames: ['strategy', 'kind'],
      registers: [registry],
    });
  }

  /** Decimal strings to gauges: a float is fine for a chart, never for an order. */
  recordPerformance(view: StrategyPerformanceView): void {
    const strategy = view.strategyId;
    this.equityUsd.set({ strategy }, Number(view.equityUsd));
    this.pnlUsd.set({ strategy, kind: 'realised' }, Number(view.realisedPnlUsd));
    this.pnlUsd.set({ strategy, kind: 'unrealised' }, Number(view.unrealisedPnlUsd));
    this.pnlUsd.set({ strategy, kind: 'total' }, Number(view.totalPnlUsd));
  }
}
