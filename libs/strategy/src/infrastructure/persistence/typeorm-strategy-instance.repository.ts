import type { Repository } from 'typeorm';

import {
  StrategyInstanceRepository,
  type StrategyInstance,
  type StrategyInstanceRecord,
} from '../../application/ports/strategy-instance.repository.port';
import type { StrategyControl, StrategyState } from '../../domain/engine/strategy-control';
import type { StrategyInstanceEntity } from './strategy-instance.entity';
import { REGISTER_STRATEGY_INSTANCE } from './strategy.sql';

interface ControlRow {
  state: StrategyState;
  paused_reason: string | null;
  changed_by: string | null;
  updated_at: Date;
}

export class TypeOrmStrategyInstanceRepository extends StrategyInstanceRepository {
  constructor(private readonly instances: Repository<StrategyInstanceEntity>) {
    super();
  }

  async register(instance: StrategyInstance, now: Date): Promise<StrategyControl> {
    const [row] = await this.instances.query<ControlRow[]>(REGISTER_STRATEGY_INSTANCE, [
      instance.id,
      instance.name,
      JSON.stringify(instance.parameters),
      now,
    ]);
    return {
      state: row.state,
      pausedReason: row.paused_reason,
      changedBy: row.changed_by,
      updatedAt: new Date(row.updated_at),
    };
  }

  async saveControl(strategyId: string, control: StrategyControl): Promise<void> {
    await this.instances.update(
      { id: strategyId },
      {
        state: control.state,
        pausedReason: control.pausedReason,
        changedBy: control.changedBy,
        updatedAt: control.updatedAt,
      },
    );
  }

  async list(): Promise<StrategyInstanceRecord[]> {
    return (await this.instances.find({ order: { id: 'ASC' } })).map(toRecord);
  }

  async find(strategyId: string): Promise<StrategyInstanceRecord | null> {
    const row = await this.instances.findOneBy({ id: strategyId });
    return row === null ? null : toRecord(row);
  }
}

function toRecord(row: StrategyInstanceEntity): StrategyInstanceRecord {
  return {
    id: row.id,
    name: row.name,
    parameters: row.parameters,
    control: {
      state: row.state,
      pausedReason: row.pausedReason,
      changedBy: row.changedBy,
      updatedAt: row.updatedAt,
    },
    startedAt: row.startedAt,
  };
}
