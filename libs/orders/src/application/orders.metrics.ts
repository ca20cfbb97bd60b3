import { Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { BreakerState } from '../domain/circuit-breaker';

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half_open', 'halted'];

/** Order lifecycle, submission latency and the breaker, on the app's registry. */
export class OrdersMetrics {
  readonly events: Counter<'type'>;
  readonly submissionSeconds: Histogram<'outcome'>;
  readonly breakerState: Gauge<'state'>;

  /** `breaker` is read at each scrape; an unreadable breaker keeps the last known state. */
  constructor(
    registry: Registry = new Registry(),
    breaker: () => Promise<BreakerState> = () => Promise.resolve('closed'),
  ) {
    const registers = [registry];
    this.events = new Counter({
      name: 'nexwave_order_events_total',
      help: 'Order lifecycle events, by the status they lead to (accepted, opened, partially_filled, filled, canceled, rejected, expired, unknown)',
      labelNames: ['type'],
      registers,
    });
    this.submissionSeconds = new Histogram({
      name: 'nexwave_order_submission_duration_seconds',
      help: 'Time for the exchange (or paper exchange) to answer an order placement, by outcome (accepted | rejected | failed)',
      labelNames: ['outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.breakerState = new Gauge({
      name: 'nexwave_circuit_breaker_state',
      help: 'The circuit breaker: 1 for its current state (closed, open, half_open, halted), 0 for the others',
      labelNames: ['state'],
      registers,
      async collect() {
        const current = await breaker().catch(() => null);
        if (current !== null) {
          for (const state of BREAKER_STATES) {
            this.set({ state }, state === current ? 1 : 0);
          }
        }
      },
    });
  }
}
