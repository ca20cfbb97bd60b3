import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { assertNever } from '@nexwave/core';
import {
  MessageConsumer,
  Topics,
  type OrderCommandReplyV1,
  type OrderCommandV1,
} from '@nexwave/messaging';

import { CancelAllOrdersCommand } from '../../application/commands/cancel-all-orders.command';
import { CancelOrderCommand } from '../../application/commands/cancel-order.command';
import { HaltTradingCommand } from '../../application/commands/halt-trading.command';
import { PlaceOrderCommand } from '../../application/commands/place-order.command';
import { ResumeTradingCommand } from '../../application/commands/resume-trading.command';
import { GetBreakerStatusQuery } from '../../application/queries/get-breaker-status.query';
import { OrdersError } from '../../domain/orders.errors';
import { breakerReply, toOrderRequest, toOrderStateV1, truncate } from './order-messages';

/** Who a cancel over orders.commands.v1 is recorded as (the contract does not carry one). */
const COMMANDS_TOPIC_CALLER = Topics.OrdersCommands;

/**
 * orders.commands.v1 (request/reply): each command goes to the same handler REST and GraphQL use;
 * a rule the orders context enforces (halted, not found, already halted...) is answered as
 * `rejected` with its code and reason rather than as a transport failure.
 */
@MessageConsumer()
export class OrderCommandsConsumer {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @MessagePattern(Topics.OrdersCommands)
  async onCommand(@Payload() command: OrderCommandV1): Promise<OrderCommandReplyV1> {
    try {
      return await this.dispatch(command);
    } catch (error) {
      if (error instanceof OrdersError) {
        return { outcome: 'rejected', code: error.code, reason: truncate(error.message) };
      }
      throw error;
    }
  }

  private async dispatch(command: OrderCommandV1): Promise<OrderCommandReplyV1> {
    switch (command.command) {
      case 'place': {
        const order = await this.commands.execute(
          new PlaceOrderCommand(toOrderRequest(command.request)),
        );
        return { outcome: 'order', order: toOrderStateV1(order) };
      }
      case 'cancel': {
        const order = await this.commands.execute(
          new CancelOrderCommand(command.clientOrderId, COMMANDS_TOPIC_CALLER),
        );
        return { outcome: 'order', order: toOrderStateV1(order) };
      }
      case 'cancel_all': {
        const { clientOrderIds } = await this.commands.execute(
          new CancelAllOrdersCommand(command.symbol, COMMANDS_TOPIC_CALLER),
        );
        return { outcome: 'canceled', clientOrderIds: [...clientOrderIds] };
      }
      case 'halt':
        return breakerReply(
          await this.commands.execute(new HaltTradingCommand(command.reason, command.requestedBy)),
        );
      case 'resume':
        return breakerReply(
          await this.commands.execute(new ResumeTradingCommand(command.requestedBy)),
        );
      case 'status':
        return breakerReply(await this.queries.execute(new GetBreakerStatusQuery()));
      default:
        return assertNever(command);
    }
  }
}
