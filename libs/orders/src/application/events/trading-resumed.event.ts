import type { IEvent } from '@nestjs/cqrs';

import type { BreakerTransition } from '../../domain/circuit-breaker';

/** An admin lifted the halt. */
export class TradingResumedEvent implements IEvent {
  constructor(readonly transition: BreakerTransition) {}
}
