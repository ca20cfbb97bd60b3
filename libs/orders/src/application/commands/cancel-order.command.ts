import { Command } from '@nestjs/cqrs';

import type { OrderSnapshot } from '../../domain/order';

/** Cancel one order. Throws OrdersError ORDER_NOT_FOUND, or ILLEGAL_TRANSITION when it is final. */
export class CancelOrderCommand extends Command<OrderSnapshot> {
  constructor(
    readonly clientOrderId: string,
    /** Who asked: an API key's name, a strategy id. */
    readonly requestedBy: string,
  ) {
    super();
  }
}
