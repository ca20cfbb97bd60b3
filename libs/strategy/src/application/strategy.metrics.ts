import { Counter, Registry } from 'prom-client';

/** The engine's counters, registered in the given registry (one per app, so tests never collide). */
export class StrategyMetrics {
  readonly signalsLost: Counter;

  constructor(readonly registry: Registry = new Registry()) {
    this.signalsLost = new Counter({
      name: 'nexwave_strategy_signals_lost_total',
      help: 'Signals dropped unstored: the database (or the exchange, for the lot size) did not answer within one candle',
      registers: [registry],
    });
  }
}
