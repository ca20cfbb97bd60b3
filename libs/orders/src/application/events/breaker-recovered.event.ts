import type { IEvent } from '@nestjs/cqrs';

import type { BreakerTransition } from '../../domain/circuit-breaker';

/** The probe succeeded: the breaker is closed and orders flow again. */
export class BreakerRecoveredEvent implements IEvent {
  constructor(readonly transition: BreakerTransition) {}
}
