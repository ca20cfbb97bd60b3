import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import type { OrderSnapshot } from '../../domain/order';
import { OrdersError } from '../../domain/orders.errors';
import { toOrderBusEvents } from '../events/domain-events';
import { ExchangePort } from '../ports/exchange.port';
import { OrderRepository } from '../ports/order.repository.port';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { CancelOrderCommand } from './cancel-order.command';

/** The domain refuses a final order first; then the exchange cancels it; then it is stored. */
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand, OrderSnapshot> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly exchange: ExchangePort,
    private readonly clock: OrdersClockPort,
    private readonly events: EventBus,
  ) {}

  async execute({ clientOrderId, requestedBy }: CancelOrderCommand): Promise<OrderSnapshot> {
    const order = await this.orders.findByClientOrderId(clientOrderId);
    if (!order) {
      throw new OrdersError('ORDER_NOT_FOUND', `order ${clientOrderId} not found`, {
        clientOrderId,
      });
    }
    const events = order.cancel(`canceled by ${requestedBy}`, {
      cause: 'request',
      at: this.clock.now(),
    });
    const { symbol } = order.request;
    await this.exchange.cancel({ symbol, clientOrderId, exchangeOrderId: order.exchangeOrderId });
    await this.orders.save({ order, events, position: null });
    this.events.publishAll(toOrderBusEvents(events));
    return order.snapshot();
  }
}
