import type { StrategyControl } from '../../domain/engine/strategy-control';

/** What names an instance: its id (STRATEGY_ID), its strategy and the parameters it runs with. */
export interface StrategyInstance {
  readonly id: string;
  readonly name: string;
  /** After defaults: exactly what the strategy runs with. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** An instance as stored: what it runs, whether it may enter, since when it runs. */
export interface StrategyInstanceRecord extends StrategyInstance {
  readonly control: StrategyControl;
  readonly startedAt: Date;
}

/** strategy_instances: one row per STRATEGY_ID. */
export abstract class StrategyInstanceRepository {
  /**
   * At start-up: stores the instance's strategy, parameters and start time, keeping a stored
   * control (a paused instance starts paused); a new instance starts running. Returns the control.
   */
  abstract register(instance: StrategyInstance, now: Date): Promise<StrategyControl>;
  abstract saveControl(strategyId: string, control: StrategyControl): Promise<void>;
  /** Every instance, by id. */
  abstract list(): Promise<StrategyInstanceRecord[]>;
  abstract find(strategyId: string): Promise<StrategyInstanceRecord | null>;
}
