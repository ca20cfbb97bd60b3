import { Command } from '@nestjs/cqrs';

import type { OrderRequest, OrderSnapshot } from '../../domain/order';

/**
 * Place an order; idempotent on `request.clientOrderId` (a replay returns the stored order).
 * Throws OrdersError: INVALID_ORDER, BREAKER_OPEN or TRADING_HALTED with the reason.
 */
export class PlaceOrderCommand extends Command<OrderSnapshot> {
  constructor(readonly request: OrderRequest) {
    super();
  }
}
