import type { IEvent } from '@nestjs/cqrs';

import type { OrderEvent } from '../../domain/order';

/** An order request was accepted and stored, pending (contract event `accepted`). */
export class OrderPlacedEvent implements IEvent {
  constructor(readonly event: OrderEvent) {}
}
