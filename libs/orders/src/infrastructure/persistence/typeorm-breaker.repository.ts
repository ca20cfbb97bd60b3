import type { Repository } from 'typeorm';

import { OutboxWriter, Topics, type BreakerChangedV1 } from '@nexwave/messaging';

import { BreakerRepository } from '../../application/ports/breaker.repository.port';
import {
  CLOSED_BREAKER,
  type BreakerSnapshot,
  type BreakerTransition,
} from '../../domain/circuit-breaker';
import { BreakerTransitionEntity } from './breaker-transition.entity';
import { CircuitBreakerStateEntity } from './circuit-breaker-state.entity';

/**
 * The orders breaker is the row named `orders`; its transitions are the audit trail, each
 * announced on orders.breaker.v1 through the outbox in the same transaction.
 */
const BREAKER = 'orders';

export class TypeOrmBreakerRepository extends BreakerRepository {
  constructor(
    private readonly states: Repository<CircuitBreakerStateEntity>,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async load(): Promise<BreakerSnapshot> {
    const row = await this.states.findOneBy({ name: BREAKER });
    return row
      ? {
          state: row.state,
          consecutiveFailures: row.consecutiveFailures,
          lastError: row.lastError,
          reason: row.reason,
          changedBy: row.changedBy,
          changedAt: row.changedAt,
          probeInFlight: row.probeInFlight,
        }
      : CLOSED_BREAKER;
  }

  async save(snapshot: BreakerSnapshot, transitions: readonly BreakerTransition[]): Promise<void> {
    await this.states.manager.transaction(async (manager) => {
      await manager.upsert(
        CircuitBreakerStateEntity,
        { name: BREAKER, ...snapshot, updatedAt: new Date() },
        ['name'],
      );
      if (transitions.length > 0) {
        await manager.insert(
          BreakerTransitionEntity,
          transitions.map((transition) => ({
            breaker: BREAKER,
            fromState: transition.from,
            toState: transition.to,
            at: transition.at,
            reason: transition.reason,
            changedBy: transition.by,
            consecutiveFailures: transition.consecutiveFailures,
          })),
        );
      }
      for (const transition of transitions) {
        await this.outbox.write(manager, Topics.OrdersBreaker, toBreakerChangedV1(transition));
      }
    });
  }

  async recentTransitions(limit: number): Promise<BreakerTransition[]> {
    const rows = await this.states.manager.find(BreakerTransitionEntity, {
      where: { breaker: BREAKER },
      order: { id: 'DESC' },
      take: limit,
    });
    return rows.map((row) => ({
      from: row.fromState,
      to: row.toState,
      at: row.at,
      reason: row.reason,
      by: row.changedBy,
      consecutiveFailures: row.consecutiveFailures,
    }));
  }
}

function toBreakerChangedV1(transition: BreakerTransition): BreakerChangedV1 {
  return {
    from: transition.from,
    to: transition.to,
    at: transition.at.toISOString(),
    reason: transition.reason,
    by: transition.by,
    consecutiveFailures: transition.consecutiveFailures,
  };
}
