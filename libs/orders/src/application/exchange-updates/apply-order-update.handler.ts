import { Logger } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import { toOrderBusEvents } from '../events/domain-events';
import { OrderRepository } from '../ports/order.repository.port';
import { PositionRepository } from '../ports/position.repository.port';
import { ApplyOrderUpdateCommand, type OrderUpdateOutcome } from './apply-order-update.command';
import { localClientOrderId } from './foreign-orders';
import { applyOrderUpdate, positionAfter } from './order-update-rules';
import { ReconciliationMetrics } from './reconciliation.metrics';

/**
 * Loads the order an exchange fact names (by our clientOrderId, or the one reconciliation gave an
 * order we did not place), applies it, and stores the order,
 * its events and the position its fills moved in one write, then publishes the events. An update
 * for an order we do not have is logged and counted; reconciliation records such orders.
 */
@CommandHandler(ApplyOrderUpdateCommand)
export class ApplyOrderUpdateHandler implements ICommandHandler<ApplyOrderUpdateCommand> {
  private readonly logger = new Logger(ApplyOrderUpdateHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly positions: PositionRepository,
    private readonly events: EventBus,
    private readonly metrics: ReconciliationMetrics,
  ) {}

  async execute({ update, cause }: ApplyOrderUpdateCommand): Promise<OrderUpdateOutcome> {
    const { clientOrderId, exchangeOrderId } = update.kind === 'fill' ? update.fill : update;
    const order = await this.orders.findByClientOrderId(
      localClientOrderId({ clientOrderId, exchangeOrderId }),
    );
    if (!order) {
      this.logger.warn(
        `${update.kind} update for exchange order ${exchangeOrderId} (client order id ${clientOrderId ?? 'none'}) that is not ours`,
      );
      this.metrics.updatesNotOurs.inc();
      return 'unknown_order';
    }
    const events = applyOrderUpdate(order, update, cause);
    if (events.length === 0) {
      return 'unchanged';
    }
    const position =
      update.kind === 'fill'
        ? positionAfter(
            await this.positions.find(order.request.symbol, order.request.paperTrading),
            order,
            events,
          )
        : null;
    await this.orders.save({ order, events, position });
    this.events.publishAll(toOrderBusEvents(events));
    return 'applied';
  }
}
