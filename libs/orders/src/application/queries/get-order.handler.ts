import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import type { OrderSnapshot } from '../../domain/order';
import { OrdersError } from '../../domain/orders.errors';
import { OrderRepository } from '../ports/order.repository.port';
import { GetOrderQuery } from './get-order.query';

@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery, OrderSnapshot> {
  constructor(private readonly orders: OrderRepository) {}

  async execute({ clientOrderId }: GetOrderQuery): Promise<OrderSnapshot> {
    const order = await this.orders.findByClientOrderId(clientOrderId);
    if (!order) {
      throw new OrdersError('ORDER_NOT_FOUND', `order ${clientOrderId} not found`, {
        clientOrderId,
      });
    }
    return order.snapshot();
  }
}
