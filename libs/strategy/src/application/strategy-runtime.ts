import { PerformanceLedger } from '../domain/engine/performance-ledger';
import type { StrategyBook } from '../domain/engine/strategy-book';
import type { Strategy } from '../domain/strategy';

/** How the engine sends a strategy's orders. */
export interface EngineSettings {
  readonly paperTrading: boolean;
  /** Market orders' slippage bound, percent. */
  readonly slippagePercent: string;
}

/**
 * The one configured strategy instance the engine runs, with its book, its performance ledger
 * (restored at start-up with the book) and settings.
 */
export class StrategyRuntime {
  readonly performance = new PerformanceLedger();

  constructor(
    readonly strategy: Strategy,
    readonly book: StrategyBook,
    readonly settings: EngineSettings,
  ) {}

  get strategyId(): string {
    return this.strategy.id;
  }
}
