import { PerformanceLedger } from '../domain/engine/performance-ledger';
import type { StrategyBook } from '../domain/engine/strategy-book';
import { runningSince, type StrategyControl } from '../domain/engine/strategy-control';
import type { Strategy } from '../domain/strategy';
import type {
  StrategyInstance,
  StrategyInstanceRepository,
} from './ports/strategy-instance.repository.port';

/** How the engine sends a strategy's orders. */
export interface EngineSettings {
  readonly paperTrading: boolean;
  /** Market orders' slippage bound, percent. */
  readonly slippagePercent: string;
}

/**
 * The one configured strategy instance the engine runs, with its book, its performance ledger
 * (restored at start-up with the book), settings and control.
 */
export class StrategyRuntime {
  readonly performance = new PerformanceLedger();
  /** Running until `register` loads the stored control, before the engine handles anything. */
  control: StrategyControl = runningSince(new Date(0));

  constructor(
    readonly strategy: Strategy,
    readonly book: StrategyBook,
    readonly settings: EngineSettings,
    readonly parameters: Readonly<Record<string, unknown>> = {},
  ) {}

  get strategyId(): string {
    return this.strategy.id;
  }

  get instance(): StrategyInstance {
    return { id: this.strategy.id, name: this.strategy.name, parameters: this.parameters };
  }

  /** Stores the instance as it starts and takes up its stored control: paused stays paused. */
  async register(instances: StrategyInstanceRepository, now: Date): Promise<void> {
    this.control = await instances.register(this.instance, now);
  }
}
