import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

import type { StrategyState } from '../../domain/engine/strategy-control';

/** A row of `strategy_instances` (migration 1795600100000). */
@Entity({ name: 'strategy_instances' })
@Check('strategy_instances_state_check', `state IN ('running', 'paused')`)
export class StrategyInstanceEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  /** The strategy's registry name (STRATEGY). */
  @Column({ type: 'text' })
  name!: string;

  /** After defaults. */
  @Column({ type: 'jsonb' })
  parameters!: Record<string, unknown>;

  @Column({ type: 'text', default: 'running' })
  state!: StrategyState;

  @Column({ name: 'paused_reason', type: 'text', nullable: true })
  pausedReason!: string | null;

  @Column({ name: 'changed_by', type: 'text', nullable: true })
  changedBy!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
