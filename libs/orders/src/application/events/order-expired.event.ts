import type { IEvent } from '@nestjs/cqrs';

import type { OrderEvent } from '../../domain/order';

/** The order's time in force ran out. */
export class OrderExpiredEvent implements IEvent {
  constructor(readonly event: OrderEvent) {}
}
