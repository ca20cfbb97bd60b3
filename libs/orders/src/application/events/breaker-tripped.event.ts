import type { IEvent } from '@nestjs/cqrs';

import type { BreakerTransition } from '../../domain/circuit-breaker';

/** Consecutive submission failures (or a failed probe) opened the breaker: no order is sent. */
export class BreakerTrippedEvent implements IEvent {
  constructor(readonly transition: BreakerTransition) {}
}
