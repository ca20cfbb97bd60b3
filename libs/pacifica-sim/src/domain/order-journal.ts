import { Decimal } from '@nexwave/core';

import type { EventQueue } from './event-queue';
import type { LimitOrderRequest } from './exchange.types';
import type { Markets } from './markets';
import {
  isOpen,
  remainingOf,
  type CancelReason,
  type OrderEvent,
  type OrderType,
  type Side,
  type SimOrder,
} from './order';
import { paginate, type Page } from './page';
import type { OrderHistoryEntry } from './records';
import type { Sequence } from './sequence';
import { SimError } from './sim.errors';

export interface NewOrder {
  symbol: string;
  side: Side;
  reduceOnly: boolean;
  clientOrderId?: string;
  tif?: LimitOrderRequest['tif'];
}

const ZERO = new Decimal(0);

/** Every account order ever created, with its event log; the only place orders change status. */
export class OrderJournal {
  private readonly orders = new Map<number, SimOrder>();
  private readonly orderIdsByAccount = new Map<string, number[]>();
  private readonly history = new Map<number, OrderHistoryEntry[]>();

  constructor(
    private readonly markets: Markets,
    private readonly orderIds: Sequence,
    private readonly historyIds: Sequence,
    private readonly events: EventQueue,
  ) {}

  create(
    address: string,
    request: NewOrder,
    type: OrderType,
    price: Decimal | null,
    amount: Decimal,
    now: number,
    parentId: number | null,
  ): SimOrder {
    const order: SimOrder = {
      id: this.orderIds.next(),
      clientOrderId: request.clientOrderId ?? null,
      account: address,
      symbol: request.symbol,
      side: request.side,
      type,
      tif: request.tif ?? null,
      price,
      amount,
      filled: ZERO,
      filledNotional: ZERO,
      cancelled: ZERO,
      status: 'open',
      reason: null,
      reduceOnly: request.reduceOnly,
      stopPrice: null,
      stopParentOrderId: parentId,
      createdAt: now,
      updatedAt: now,
    };
    this.orders.set(order.id, order);
    const ids = this.orderIdsByAccount.get(address) ?? [];
    ids.push(order.id);
    this.orderIdsByAccount.set(address, ids);
    return order;
  }

  /** An account's order by id; undefined for the simulator's own liquidity. */
  get(orderId: number): SimOrder | undefined {
    return this.orders.get(orderId);
  }

  record(order: SimOrder, event: OrderEvent, now: number): void {
    order.updatedAt = now;
    const entry = { historyId: this.historyIds.next(), event, order: { ...order }, createdAt: now };
    const entries = this.history.get(order.id) ?? [];
    entries.push(entry);
    this.history.set(order.id, entries);
    this.events.push({ type: 'order', account: order.account, entry });
  }

  cancel(order: SimOrder, reason: CancelReason, now: number, fromBook = true): void {
    const market = this.markets.get(order.symbol);
    if (fromBook) {
      market.book.remove(order.id);
    }
    market.stops.delete(order.id);
    order.cancelled = remainingOf(order);
    order.status = 'cancelled';
    order.reason = reason;
    this.record(order, reason, now);
  }

  openOrders(address: string): SimOrder[] {
    return this.ordersOf(address).filter(isOpen);
  }

  orderHistory(address: string, limit: number, cursor?: number): Page<SimOrder> {
    const all = this.ordersOf(address).reverse();
    return paginate(all, limit, cursor, (order) => order.id);
  }

  orderEvents(orderId: number): OrderHistoryEntry[] {
    const entries = this.history.get(orderId);
    if (!entries) {
      throw new SimError('ORDER_NOT_FOUND', 'Order not found', { orderId });
    }
    return [...entries].reverse();
  }

  assertNewClientOrderId(address: string, clientOrderId: string | undefined): void {
    if (clientOrderId && this.ordersOf(address).some((o) => o.clientOrderId === clientOrderId)) {
      throw new SimError('DUPLICATE_CLIENT_ORDER_ID', 'Duplicate client_order_id', {
        clientOrderId,
      });
    }
  }

  private ordersOf(address: string): SimOrder[] {
    return (this.orderIdsByAccount.get(address) ?? []).map((id) => this.orders.get(id)!);
  }
}
