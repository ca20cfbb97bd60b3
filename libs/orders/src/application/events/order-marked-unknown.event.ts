import type { IEvent } from '@nestjs/cqrs';

import type { OrderEvent } from '../../domain/order';

/** The order's fate cannot be learned yet; reconciliation will settle it, operators are alerted. */
export class OrderMarkedUnknownEvent implements IEvent {
  constructor(readonly event: OrderEvent) {}
}
