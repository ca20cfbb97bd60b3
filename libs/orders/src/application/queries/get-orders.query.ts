import { Query } from '@nestjs/cqrs';

import type { OrderSnapshot } from '../../domain/order';
import type { OrderFilter, Page, PageRequest } from '../ports/order.repository.port';

/** Orders matching the filter, newest first, one page. */
export class GetOrdersQuery extends Query<Page<OrderSnapshot>> {
  constructor(
    readonly filter: OrderFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
