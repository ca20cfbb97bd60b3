import { Query } from '@nestjs/cqrs';

import type { OrderSnapshot } from '../../domain/order';

/** One order by its clientOrderId. Throws OrdersError ORDER_NOT_FOUND. */
export class GetOrderQuery extends Query<OrderSnapshot> {
  constructor(readonly clientOrderId: string) {
    super();
  }
}
