import type { IEvent } from '@nestjs/cqrs';

import type { OrderEvent } from '../../domain/order';

/** A fill was applied (`event.fill`); `event.type` says partially_filled or filled. */
export class OrderFilledEvent implements IEvent {
  constructor(readonly event: OrderEvent) {}
}
