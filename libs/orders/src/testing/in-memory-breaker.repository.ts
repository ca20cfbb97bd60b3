import { BreakerRepository } from '../application/ports/breaker.repository.port';
import {
  CLOSED_BREAKER,
  type BreakerSnapshot,
  type BreakerTransition,
} from '../domain/circuit-breaker';

/** The breaker's state and its audit trail of transitions. */
export class InMemoryBreakerRepository extends BreakerRepository {
  readonly transitions: BreakerTransition[] = [];
  private state: BreakerSnapshot = CLOSED_BREAKER;

  load(): Promise<BreakerSnapshot> {
    return Promise.resolve(this.state);
  }

  save(snapshot: BreakerSnapshot, transitions: readonly BreakerTransition[]): Promise<void> {
    this.state = snapshot;
    this.transitions.push(...transitions);
    return Promise.resolve();
  }

  recentTransitions(limit: number): Promise<BreakerTransition[]> {
    return Promise.resolve([...this.transitions].reverse().slice(0, limit));
  }
}
