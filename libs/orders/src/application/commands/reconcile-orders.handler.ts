import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import { Order, type OrderEvent } from '../../domain/order';
import { OrdersError } from '../../domain/orders.errors';
import { toOrderBusEvents } from '../events/domain-events';
import { adoptedRequest, unreportedFillGap } from '../exchange-updates/foreign-orders';
import { OrderStillUnknownEvent } from '../exchange-updates/order-still-unknown.event';
import { applyOrderUpdate, positionAfter } from '../exchange-updates/order-update-rules';
import {
  foreignOrders,
  planReconciliation,
  positionDifferences,
  type OrderCorrection,
} from '../exchange-updates/reconciliation-plan';
import { ReconciliationMetrics } from '../exchange-updates/reconciliation.metrics';
import {
  RECONCILIATION_OPTIONS,
  type ReconciliationOptions,
} from '../exchange-updates/reconciliation.options';
import { ExchangePort, type ExchangeFill, type ExchangeOrder } from '../ports/exchange.port';
import {
  OrderRepository,
  StaleOrderWriteError,
  StalePositionWriteError,
} from '../ports/order.repository.port';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { PositionRepository } from '../ports/position.repository.port';
import { ReconcileOrdersCommand, type ReconciliationReport } from './reconcile-orders.command';

/** Fills are looked up from this long before the oldest unsettled order (clock skew). */
const FILL_LOOKBACK_MS = 60_000;
const PAGE = 500;

/**
 * Compares the exchange (open orders, fills, positions) with our unsettled orders and corrects
 * ours, each correction stored and published as an order event with cause `reconciliation` (see
 * planReconciliation). Never sends an order. Orders working on the exchange that are not ours are
 * recorded first (Order.adopt, strategy `external`), so they are listed and their fills move
 * positions like ours; fills the exchange counts for them but never reported are said, not invented.
 * Orders still unknown are alerted: an error line, the `nexwave_orders_unknown` gauge and an
 * OrderStillUnknownEvent.
 */
@CommandHandler(ReconcileOrdersCommand)
export class ReconcileOrdersHandler implements ICommandHandler<ReconcileOrdersCommand> {
  private readonly logger = new Logger(ReconcileOrdersHandler.name);

  constructor(
    private readonly exchange: ExchangePort,
    private readonly orders: OrderRepository,
    private readonly positions: PositionRepository,
    private readonly clock: OrdersClockPort,
    private readonly events: EventBus,
    private readonly metrics: ReconciliationMetrics,
    @Inject(RECONCILIATION_OPTIONS) private readonly options: ReconciliationOptions,
  ) {}

  async execute({ trigger }: ReconcileOrdersCommand): Promise<ReconciliationReport> {
    try {
      const report = await this.reconcile(this.clock.now());
      this.metrics.passes.inc({ outcome: 'ok' });
      this.logger.log(
        `Reconciliation (${trigger}): ${report.fillsApplied} fills applied, ${report.ordersCorrected.length} orders corrected, ${report.adoptedOrders.length} adopted, ${report.unknownOrders.length} unknown, ${report.foreignOrders.length} foreign, ${report.positionDifferences.length} position differences`,
      );
      return report;
    } catch (error) {
      this.metrics.passes.inc({ outcome: 'failed' });
      throw error;
    }
  }

  private async reconcile(now: Date): Promise<ReconciliationReport> {
    const unsettled = await this.unsettledOrders();
    const [openOrders, exchangePositions] = await Promise.all([
      this.exchange.openOrders(),
      this.exchange.positions(),
    ]);
    const foreign = foreignOrders(unsettled, openOrders);
    const since = [
      ...unsettled.map((order) => order.snapshot().createdAt),
      ...foreign.map((order) => order.createdAt),
    ];
    const fills = since.length > 0 ? await this.exchange.fillsSince(fillsFrom(since)) : [];
    const adopted = await this.adopt(foreign, fills, now);
    const plan = planReconciliation(
      [...unsettled, ...adopted],
      { openOrders, fills },
      now,
      this.options.gracePeriodMs,
    );
    const written: OrderEvent[] = [];
    for (const correction of plan.corrections) {
      written.push(...(await this.correct(correction)));
    }
    const differences = positionDifferences(
      exchangePositions,
      await this.positions.list(this.options.paperTrading),
    );
    const unknown = unsettled.filter((order) => order.status === 'unknown');
    this.alert(
      unknown,
      now,
      plan.foreignOrders.map((o) => o.exchangeOrderId),
      differences,
    );
    return {
      checkedAt: now,
      fillsApplied: written.filter((event) => event.fill !== null).length,
      ordersCorrected: [...new Set(written.map((event) => event.clientOrderId))],
      adoptedOrders: adopted.map((order) => order.clientOrderId),
      unknownOrders: unknown.map((order) => order.clientOrderId),
      foreignOrders: plan.foreignOrders.map((order) => order.exchangeOrderId),
      positionDifferences: differences,
    };
  }

  /**
   * Stores each foreign order as ours (idempotent: the same exchange order maps to the same
   * clientOrderId, and `add` refuses a duplicate). One already stored but settled here, or one that
   * cannot be an order, stays foreign: logged and counted by the gauge.
   */
  private async adopt(
    foreign: readonly ExchangeOrder[],
    fills: readonly ExchangeFill[],
    now: Date,
  ): Promise<Order[]> {
    const adopted: Order[] = [];
    for (const exchangeOrder of foreign) {
      const gap = unreportedFillGap(exchangeOrder, fills);
      let change: { order: Order; events: OrderEvent[] };
      try {
        change = Order.adopt(
          adoptedRequest(exchangeOrder, this.options.paperTrading),
          exchangeOrder.exchangeOrderId,
          exchangeOrder.createdAt,
          gap,
          now,
        );
      } catch (error) {
        if (!(error instanceof OrdersError)) {
          throw error;
        }
        this.logger.error(
          `exchange order ${exchangeOrder.exchangeOrderId} not recorded: ${error.message}`,
        );
        continue;
      }
      if (!(await this.orders.add({ ...change, position: null }))) {
        continue;
      }
      if (gap !== null) {
        this.logger.warn(
          `order ${change.order.clientOrderId} (exchange order ${exchangeOrder.exchangeOrderId}) ${gap}`,
        );
      }
      this.events.publishAll(toOrderBusEvents(change.events));
      change.events.forEach((event) => this.metrics.corrections.inc({ kind: event.type }));
      adopted.push(change.order);
    }
    return adopted;
  }

  /**
   * Applies one order's corrections in one write. A refusal (the exchange contradicts us) is logged;
   * a write that lost a race with the update stream is left to the next pass.
   */
  private async correct({ order, updates }: OrderCorrection): Promise<OrderEvent[]> {
    const events: OrderEvent[] = [];
    try {
      for (const update of updates) {
        events.push(...applyOrderUpdate(order, update, 'reconciliation'));
      }
    } catch (error) {
      if (!(error instanceof OrdersError)) {
        throw error;
      }
      this.logger.error(`order ${order.clientOrderId} not reconciled: ${error.message}`);
      return [];
    }
    if (events.length === 0) {
      return [];
    }
    const position = events.some((event) => event.fill)
      ? positionAfter(
          await this.positions.find(order.request.symbol, order.request.paperTrading),
          order,
          events,
        )
      : null;
    try {
      await this.orders.save({ order, events, position });
    } catch (error) {
      if (!(error instanceof StaleOrderWriteError || error instanceof StalePositionWriteError)) {
        throw error;
      }
      this.logger.warn(
        `order ${order.clientOrderId} changed meanwhile, next pass: ${error.message}`,
      );
      return [];
    }
    this.events.publishAll(toOrderBusEvents(events));
    events.forEach((event) => this.metrics.corrections.inc({ kind: event.type }));
    return events;
  }

  private alert(
    unknown: readonly Order[],
    now: Date,
    foreign: readonly string[],
    differences: ReturnType<typeof positionDifferences>,
  ): void {
    this.metrics.unknownOrders.set(unknown.length);
    this.metrics.foreignOrders.set(foreign.length);
    this.metrics.positionDifferences.set(differences.length);
    for (const order of unknown) {
      const { reason, updatedAt } = order.snapshot();
      this.logger.error(
        `order ${order.clientOrderId} (${order.request.symbol}) still unknown since ${updatedAt.toISOString()}: ${reason ?? 'no reason'}`,
      );
      this.events.publish(new OrderStillUnknownEvent(order.snapshot(), now));
    }
    if (foreign.length > 0) {
      this.logger.warn(
        `orders working on the exchange that are not ours and not recorded: ${foreign.join(', ')}`,
      );
    }
    for (const d of differences) {
      this.logger.warn(
        `position ${d.symbol}: ${d.exchangeSize} on the exchange, ${d.localSize} from our fills`,
      );
    }
  }

  private async unsettledOrders(): Promise<Order[]> {
    const pending: Order[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.orders.list({ status: 'pending' }, { limit: PAGE, offset });
      pending.push(...page.items.map((snapshot) => Order.restore(snapshot)));
      if (offset + PAGE >= page.total) {
        break;
      }
    }
    // Orders of the other mode (paper while live, or live while paper) are not this exchange's.
    return [...pending, ...(await this.orders.findWorking())].filter(
      (order) => order.request.paperTrading === this.options.paperTrading,
    );
  }
}

function fillsFrom(createdAt: readonly Date[]): Date {
  const oldest = Math.min(...createdAt.map((at) => at.getTime()));
  return new Date(oldest - FILL_LOOKBACK_MS);
}
