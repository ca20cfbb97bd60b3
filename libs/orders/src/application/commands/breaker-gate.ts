import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';

import {
  CircuitBreaker,
  type BreakerSnapshot,
  type BreakerTransition,
  type SubmissionDecision,
} from '../../domain/circuit-breaker';
import { toBreakerBusEvents } from '../events/domain-events';
import { BreakerRepository } from '../ports/breaker.repository.port';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { ORDERS_SETTINGS, type OrdersSettings } from './orders-settings';

/**
 * The one circuit breaker, changed one call at a time in this process: load, let the domain
 * change it, save it with its transitions, publish them. A submission's claim and its report are
 * two changes with the exchange call between them, so concurrent orders never lose a count.
 */
@Injectable()
export class BreakerGate implements OnModuleInit {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly breakers: BreakerRepository,
    private readonly events: EventBus,
    private readonly clock: OrdersClockPort,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
  ) {}

  /**
   * A probe still in flight at start-up was lost with the process that sent it; left as it is,
   * the breaker would refuse every order for good. It counts as a failed probe: open, cool down.
   */
  async onModuleInit(): Promise<void> {
    await this.change((breaker) =>
      breaker.snapshot().probeInFlight
        ? breaker.recordFailure(
            'probe lost: the process stopped before its answer',
            this.clock.now(),
          )
        : [],
    );
  }

  /** Claims the right to send one order now, or says why not (open, probing, halted). */
  claim(now: Date): Promise<SubmissionDecision> {
    return this.run((breaker) => {
      const decision = breaker.canSubmit(now);
      return [decision, decision.allowed ? breaker.startSubmission(now) : []];
    });
  }

  /** The exchange answered the claimed submission (an acknowledgement or a refusal). */
  async answered(now: Date): Promise<void> {
    await this.change((breaker) => breaker.recordSuccess(now));
  }

  /** The claimed submission failed in a way that says the exchange is unwell. */
  async failed(error: string, now: Date): Promise<void> {
    await this.change((breaker) => breaker.recordFailure(error, now));
  }

  /** Applies a change (halt, resume...) and returns the breaker it left. */
  change(apply: (breaker: CircuitBreaker) => BreakerTransition[]): Promise<BreakerSnapshot> {
    return this.run((breaker) => {
      const transitions = apply(breaker);
      return [breaker.snapshot(), transitions];
    });
  }

  private run<T>(apply: (breaker: CircuitBreaker) => [T, BreakerTransition[]]): Promise<T> {
    const next = this.queue.then(async () => {
      const before = await this.breakers.load();
      const breaker = CircuitBreaker.restore(before, this.settings.breaker);
      const [result, transitions] = apply(breaker);
      if (transitions.length > 0 || JSON.stringify(breaker.snapshot()) !== JSON.stringify(before)) {
        await this.breakers.save(breaker.snapshot(), transitions);
      }
      this.events.publishAll(toBreakerBusEvents(transitions));
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
