import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import {
  Order,
  type OrderChange,
  type OrderEvent,
  type OrderRequest,
  type OrderSnapshot,
} from '../../domain/order';
import { OrdersError } from '../../domain/orders.errors';
import { toOrderBusEvents } from '../events/domain-events';
import { OrdersMetrics } from '../orders.metrics';
import { ExchangeRejectedError, ExchangeUnavailableError } from '../ports/exchange.errors';
import { ExchangePort } from '../ports/exchange.port';
import { OrderRepository, StaleOrderWriteError } from '../ports/order.repository.port';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { BreakerGate } from './breaker-gate';
import { ORDERS_SETTINGS, type OrdersSettings } from './orders-settings';
import { PlaceOrderCommand } from './place-order.command';

/**
 * Stores the order `pending` before it is sent (a crash after sending is repaired by
 * reconciliation, never by a second send), asks the breaker, sends, and records the answer. A
 * replayed clientOrderId returns the stored order and sends nothing.
 */
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, OrderSnapshot> {
  private readonly logger = new Logger(PlaceOrderHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly exchange: ExchangePort,
    private readonly breaker: BreakerGate,
    private readonly clock: OrdersClockPort,
    private readonly events: EventBus,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
    private readonly metrics: OrdersMetrics,
  ) {}

  async execute({ request }: PlaceOrderCommand): Promise<OrderSnapshot> {
    const stored = await this.orders.findByClientOrderId(request.clientOrderId);
    if (stored) {
      return stored.snapshot();
    }
    this.assertTradingMode(request);
    const { order, events } = Order.create(request, this.clock.now());
    if (!(await this.orders.add({ order, events, position: null }))) {
      // An identical request stored it first: that one sends it.
      return (await this.orders.findByClientOrderId(request.clientOrderId))!.snapshot();
    }
    this.events.publishAll(toOrderBusEvents(events));
    const decision = await this.breaker.claim(this.clock.now());
    if (!decision.allowed) {
      await this.record(order, order.reject(decision.reason, this.change('breaker')));
      throw new OrdersError(decision.code, decision.reason, { clientOrderId: order.clientOrderId });
    }
    return this.recordAnswer(order, await this.submit(order));
  }

  /** Sends the order and turns the exchange's answer into the order's next event. */
  private async submit(order: Order): Promise<OrderEvent[]> {
    const cause = order.request.paperTrading ? 'paper' : 'exchange';
    const answered = this.metrics.submissionSeconds.startTimer();
    try {
      const ack = await this.exchange.place(order.request);
      answered({ outcome: 'accepted' });
      await this.breaker.answered(this.clock.now());
      return order.open(ack.exchangeOrderId, this.change(cause));
    } catch (error) {
      answered({ outcome: error instanceof ExchangeRejectedError ? 'rejected' : 'failed' });
      if (error instanceof ExchangeRejectedError) {
        await this.breaker.answered(this.clock.now());
        return order.reject(error.message, this.change(cause));
      }
      if (!(error instanceof ExchangeUnavailableError)) {
        this.logger.error(`placing ${order.clientOrderId} failed unexpectedly`, error);
      }
      const reason = error instanceof Error ? error.message : String(error);
      await this.breaker.failed(reason, this.clock.now());
      return error instanceof ExchangeUnavailableError && !error.mayHaveReachedExchange
        ? order.reject(`exchange unavailable, not sent: ${reason}`, this.change(cause))
        : order.markUnknown(`no answer from the exchange: ${reason}`, this.change(cause));
    }
  }

  /**
   * Stores the answer to the send, unless an update pushed by the exchange (a fill, the open) was
   * stored first: that is the newer word, and the stored order is returned.
   */
  private async recordAnswer(order: Order, events: OrderEvent[]): Promise<OrderSnapshot> {
    try {
      await this.record(order, events);
      return order.snapshot();
    } catch (error) {
      if (!(error instanceof StaleOrderWriteError)) {
        throw error;
      }
      return (await this.orders.findByClientOrderId(order.clientOrderId))!.snapshot();
    }
  }

  private async record(order: Order, events: OrderEvent[]): Promise<void> {
    await this.orders.save({ order, events, position: null });
    this.events.publishAll(toOrderBusEvents(events));
  }

  private change(cause: OrderChange['cause']): OrderChange {
    return { cause, at: this.clock.now() };
  }

  private assertTradingMode(request: OrderRequest): void {
    if (request.paperTrading !== this.settings.paperTrading) {
      throw new OrdersError(
        'INVALID_ORDER',
        `order ${request.clientOrderId}: paperTrading=${request.paperTrading} but this deployment trades ${this.settings.paperTrading ? 'on paper' : 'live'}`,
        { clientOrderId: request.clientOrderId },
      );
    }
  }
}
