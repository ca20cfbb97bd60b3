import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import type { OrderSnapshot } from '../../domain/order';
import { OrderRepository, type Page } from '../ports/order.repository.port';
import { GetOrdersQuery } from './get-orders.query';

@QueryHandler(GetOrdersQuery)
export class GetOrdersHandler implements IQueryHandler<GetOrdersQuery, Page<OrderSnapshot>> {
  constructor(private readonly orders: OrderRepository) {}

  execute({ filter, page }: GetOrdersQuery): Promise<Page<OrderSnapshot>> {
    return this.orders.list(filter, page);
  }
}
