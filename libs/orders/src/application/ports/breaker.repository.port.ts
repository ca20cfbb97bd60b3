import type { BreakerSnapshot, BreakerTransition } from '../../domain/circuit-breaker';

/** The one circuit breaker's state, and its transitions as an audit trail (who, when, why). */
export abstract class BreakerRepository {
  /** The stored state, or a closed breaker when none was stored. */
  abstract load(): Promise<BreakerSnapshot>;

  /** Stores the state with the transitions that led to it, in one transaction. */
  abstract save(
    snapshot: BreakerSnapshot,
    transitions: readonly BreakerTransition[],
  ): Promise<void>;

  /** The last `limit` transitions, newest first: the audit trail an admin reads. */
  abstract recentTransitions(limit: number): Promise<BreakerTransition[]>;
}
