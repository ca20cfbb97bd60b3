import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

import type { BreakerState } from '../../domain/circuit-breaker';

/** A row of `circuit_breaker_state`: the breaker named `name` as it is now. */
@Entity({ name: 'circuit_breaker_state' })
@Check('circuit_breaker_state_state_check', `state IN ('closed', 'open', 'half_open', 'halted')`)
@Check('circuit_breaker_state_consecutive_failures_check', `consecutive_failures >= 0`)
export class CircuitBreakerStateEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  state!: BreakerState;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'changed_by', type: 'text', nullable: true })
  changedBy!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt!: Date | null;

  @Column({ name: 'probe_in_flight', type: 'boolean', default: false })
  probeInFlight!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
