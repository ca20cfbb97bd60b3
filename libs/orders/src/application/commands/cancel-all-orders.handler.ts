import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import { toOrderBusEvents } from '../events/domain-events';
import { ExchangePort } from '../ports/exchange.port';
import { OrderRepository } from '../ports/order.repository.port';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { CancelAllOrdersCommand, type CancelAllOrdersResult } from './cancel-all-orders.command';

/**
 * One cancel-all on the exchange, then every open or partially filled order of ours is stored
 * canceled. `unknown` orders are left to reconciliation: they may have filled.
 */
@CommandHandler(CancelAllOrdersCommand)
export class CancelAllOrdersHandler implements ICommandHandler<
  CancelAllOrdersCommand,
  CancelAllOrdersResult
> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly exchange: ExchangePort,
    private readonly clock: OrdersClockPort,
    private readonly events: EventBus,
  ) {}

  async execute({ symbol, requestedBy }: CancelAllOrdersCommand): Promise<CancelAllOrdersResult> {
    const working = (await this.orders.findWorking()).filter(
      (order) => order.status !== 'unknown' && (symbol === null || order.request.symbol === symbol),
    );
    await this.exchange.cancelAll(symbol);
    for (const order of working) {
      const events = order.cancel(`canceled by ${requestedBy} (cancel all)`, {
        cause: 'request',
        at: this.clock.now(),
      });
      await this.orders.save({ order, events, position: null });
      this.events.publishAll(toOrderBusEvents(events));
    }
    return { clientOrderIds: working.map((order) => order.clientOrderId) };
  }
}
