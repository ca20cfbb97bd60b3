import type { IEvent } from '@nestjs/cqrs';

import type { OrderEvent } from '../../domain/order';

/** The order was canceled; `event.order.reason` says why, `event.cause` by whom. */
export class OrderCanceledEvent implements IEvent {
  constructor(readonly event: OrderEvent) {}
}
