import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';

import { MessageConsumer, Topics, type OrderRequestV1 } from '@nexwave/messaging';

import { PlaceOrderCommand } from '../../application/commands/place-order.command';
import { OrdersError } from '../../domain/orders.errors';
import { toOrderRequest } from './order-messages';

/**
 * orders.requests.v1: each strategy request becomes a PlaceOrderCommand. Idempotent by its
 * clientOrderId (a replay returns the stored order), so it runs outside the inbox. A request the
 * breaker refuses is stored rejected and published; only a request the domain finds malformed
 * fails and is dead-lettered with the reason.
 */
@MessageConsumer()
export class OrderRequestsConsumer {
  private readonly logger = new Logger(OrderRequestsConsumer.name);

  constructor(private readonly commands: CommandBus) {}

  @EventPattern(Topics.OrdersRequests, { idempotentBy: 'natural-key' })
  async onRequest(@Payload() request: OrderRequestV1): Promise<void> {
    try {
      await this.commands.execute(new PlaceOrderCommand(toOrderRequest(request)));
    } catch (error) {
      if (error instanceof OrdersError && ['BREAKER_OPEN', 'TRADING_HALTED'].includes(error.code)) {
        this.logger.warn(`order ${request.clientOrderId} refused: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}
