import type { IEvent } from '@nestjs/cqrs';

import type { OrderEvent } from '../../domain/order';

/** The exchange acknowledged the order; it rests on the book. */
export class OrderOpenedEvent implements IEvent {
  constructor(readonly event: OrderEvent) {}
}
