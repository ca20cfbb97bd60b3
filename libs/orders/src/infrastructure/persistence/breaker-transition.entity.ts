import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { BreakerState } from '../../domain/circuit-breaker';

/** A row of `breaker_transitions`, the breaker's audit trail: who, when, why, from and to. */
@Entity({ name: 'breaker_transitions' })
@Index('breaker_transitions_breaker_at_idx', { synchronize: false })
@Check(
  'breaker_transitions_from_state_check',
  `from_state IN ('closed', 'open', 'half_open', 'halted')`,
)
@Check(
  'breaker_transitions_to_state_check',
  `to_state IN ('closed', 'open', 'half_open', 'halted')`,
)
@Check('breaker_transitions_consecutive_failures_check', `consecutive_failures >= 0`)
export class BreakerTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ type: 'text' })
  breaker!: string;

  @Column({ name: 'from_state', type: 'text' })
  fromState!: BreakerState;

  @Column({ name: 'to_state', type: 'text' })
  toState!: BreakerState;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  reason!: string;

  /** Null for automatic changes. */
  @Column({ name: 'changed_by', type: 'text', nullable: true })
  changedBy!: string | null;

  @Column({ name: 'consecutive_failures', type: 'integer' })
  consecutiveFailures!: number;
}
