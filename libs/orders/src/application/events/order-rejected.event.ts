import type { IEvent } from '@nestjs/cqrs';

import type { OrderEvent } from '../../domain/order';

/** The exchange or the breaker refused the order; `event.order.reason` says why. */
export class OrderRejectedEvent implements IEvent {
  constructor(readonly event: OrderEvent) {}
}
