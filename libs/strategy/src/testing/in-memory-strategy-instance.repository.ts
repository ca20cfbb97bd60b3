import {
  StrategyInstanceRepository,
  type StrategyInstance,
  type StrategyInstanceRecord,
} from '../application/ports/strategy-instance.repository.port';
import { runningSince, type StrategyControl } from '../domain/engine/strategy-control';

/** strategy_instances in a map; keep one across harnesses to restart over the same store. */
export class InMemoryStrategyInstanceRepository extends StrategyInstanceRepository {
  private readonly records = new Map<string, StrategyInstanceRecord>();

  register(instance: StrategyInstance, now: Date): Promise<StrategyControl> {
    const control = this.records.get(instance.id)?.control ?? runningSince(now);
    this.records.set(instance.id, { ...instance, control, startedAt: now });
    return Promise.resolve(control);
  }

  saveControl(strategyId: string, control: StrategyControl): Promise<void> {
    const stored = this.records.get(strategyId);
    if (!stored) {
      return Promise.reject(new Error(`no strategy instance ${strategyId} is registered`));
    }
    this.records.set(strategyId, { ...stored, control });
    return Promise.resolve();
  }

  list(): Promise<StrategyInstanceRecord[]> {
    return Promise.resolve([...this.records.values()].sort((a, b) => a.id.localeCompare(b.id)));
  }

  find(strategyId: string): Promise<StrategyInstanceRecord | null> {
    return Promise.resolve(this.records.get(strategyId) ?? null);
  }
}
