import type { IEvent } from '@nestjs/cqrs';

import type { OrderSnapshot } from '../../domain/order';

/** Alert: a reconciliation pass could not learn the fate of this order; operators should look. */
export class OrderStillUnknownEvent implements IEvent {
  constructor(
    readonly order: OrderSnapshot,
    readonly checkedAt: Date,
  ) {}
}
