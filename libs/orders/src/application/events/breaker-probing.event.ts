import type { IEvent } from '@nestjs/cqrs';

import type { BreakerTransition } from '../../domain/circuit-breaker';

/** The cool-down is over: one probe order is let through (half-open). */
export class BreakerProbingEvent implements IEvent {
  constructor(readonly transition: BreakerTransition) {}
}
