import { Injectable } from '@nestjs/common';

import {
  MessageBusPort,
  NoResponderError,
  RequestTimeoutError,
  Topics,
  type OrderCommandReplyV1,
  type OrderCommandV1,
  type OrderRequestV1,
} from '@nexwave/messaging';

import { OrdersError, type OrdersErrorCode } from '../../domain/orders.errors';
import { OrdersApiError } from './orders-api.errors';

type Outcome = OrderCommandReplyV1['outcome'];
type ReplyOf<O extends Outcome> = Extract<OrderCommandReplyV1, { outcome: O }>;

/**
 * Sends the API's writes to order management as orders.commands.v1 requests (in process on the
 * memory transport, to the order-management app over Kafka) and unwraps the replies: a refusal
 * becomes the OrdersError of its code, so the one exception filter answers it (409 halted, 503
 * breaker open, 404 unknown order...), an order the exchange rejected is ORDER_REJECTED (409),
 * no answer at all is ORDERS_UNAVAILABLE (503).
 */
@Injectable()
export class OrdersCommandSender {
  constructor(private readonly bus: MessageBusPort) {}

  /** Throws ORDER_REJECTED with the exchange's reason when the order was stored as rejected. */
  async place(request: OrderRequestV1): Promise<ReplyOf<'order'>> {
    const reply = await this.send({ command: 'place', request }, 'order');
    const { status, clientOrderId, reason } = reply.order;
    if (status === 'rejected') {
      throw new OrdersApiError(
        'ORDER_REJECTED',
        `order ${clientOrderId} was rejected: ${reason ?? 'no reason given'}`,
        { clientOrderId },
      );
    }
    return reply;
  }

  async cancel(clientOrderId: string, requestedBy: string): Promise<ReplyOf<'order'>> {
    return this.send({ command: 'cancel', clientOrderId, requestedBy }, 'order');
  }

  async halt(reason: string, requestedBy: string): Promise<ReplyOf<'breaker'>> {
    return this.send({ command: 'halt', reason, requestedBy }, 'breaker');
  }

  async resume(requestedBy: string, reason: string | null): Promise<ReplyOf<'breaker'>> {
    return this.send(
      { command: 'resume', requestedBy, ...(reason === null ? {} : { reason }) },
      'breaker',
    );
  }

  private async send<O extends Outcome>(command: OrderCommandV1, expected: O): Promise<ReplyOf<O>> {
    const reply = await this.request(command);
    if (reply.outcome === 'rejected') {
      throw rejection(reply.code, reply.reason);
    }
    if (reply.outcome !== expected) {
      throw new Error(`${command.command} was answered with ${reply.outcome}, not ${expected}`);
    }
    return reply as ReplyOf<O>;
  }

  private async request(command: OrderCommandV1): Promise<OrderCommandReplyV1> {
    try {
      return await this.bus.request(Topics.OrdersCommands, command);
    } catch (error) {
      if (error instanceof NoResponderError || error instanceof RequestTimeoutError) {
        throw new OrdersApiError(
          'ORDERS_UNAVAILABLE',
          `order management did not answer: ${error.message}`,
          { command: command.command },
        );
      }
      throw error;
    }
  }
}

function rejection(code: string, reason: string): Error {
  return Object.hasOwn(OrdersError.kinds, code)
    ? new OrdersError(code as OrdersErrorCode, reason)
    : new OrdersApiError('COMMAND_REJECTED', reason, { code });
}
