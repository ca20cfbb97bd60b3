import type { IEvent } from '@nestjs/cqrs';

import type { BreakerTransition } from '../../domain/circuit-breaker';

/** An admin halted trading (`transition.by`, `transition.reason`). */
export class TradingHaltedEvent implements IEvent {
  constructor(readonly transition: BreakerTransition) {}
}
