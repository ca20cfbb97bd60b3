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
import {
  ExchangeRejectedError,
  ExchangeUnavailableError,
} from '../../application/ports/exchange.errors';
import { GetBreakerStatusQuery } from '../../application/queries/get-breaker-status.query';
import { OrdersError } from '../../domain/orders.errors';
import {
  toOrderStateV1,
  truncateReason,
} from '../../infrastructure/persistence/order-event.message';
import { breakerReply, toOrderRequest } from './order-messages';

/** Who a cancel over orders.commands.v1 is recorded as when the command names no one. */
const COMMANDS_TOPIC_CALLER = Topics.OrdersCommands;

/** The code a refusal is answered with; null for a failure that is not a refusal (a bug). */
function refusalCode(error: unknown): string | null {
  if (error instanceof OrdersError) {
    return error.code;
  }
  if (error instanceof ExchangeRejectedError) {
    return 'EXCHANGE_REJECTED';
  }
  return error instanceof ExchangeUnavailableError ? 'EXCHANGE_UNAVAILABLE' : null;
}

/**
 * orders.commands.v1 (request/reply): each command goes to the same handler REST and GraphQL use;
 * a rule the orders context enforces (halted, not found, already halted...) or a refusal or outage
 * of the exchange (a cancel it did not take) is answered `rejected` with its code and reason.
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
      const code = refusalCode(error);
      if (code === null) {
        throw error;
      }
      return { outcome: 'rejected', code, reason: truncateReason((error as Error).message) };
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
          new CancelOrderCommand(
            command.clientOrderId,
            command.requestedBy ?? COMMANDS_TOPIC_CALLER,
          ),
        );
        return { outcome: 'order', order: toOrderStateV1(order) };
      }
      case 'cancel_all': {
        const { clientOrderIds } = await this.commands.execute(
          new CancelAllOrdersCommand(command.symbol, command.requestedBy ?? COMMANDS_TOPIC_CALLER),
        );
        return { outcome: 'canceled', clientOrderIds: [...clientOrderIds] };
      }
      case 'halt':
        return breakerReply(
          await this.commands.execute(new HaltTradingCommand(command.reason, command.requestedBy)),
        );
      case 'resume':
        return breakerReply(
          await this.commands.execute(
            new ResumeTradingCommand(command.requestedBy, command.reason ?? null),
          ),
        );
      case 'status':
        return breakerReply(await this.queries.execute(new GetBreakerStatusQuery()));
      default:
        return assertNever(command);
    }
  }
}
