import type { StrategyControl } from '../../domain/engine/strategy-control';
import type { StrategyInstance } from '../strategy-runtime';

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
