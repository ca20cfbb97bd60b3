import { Decimal } from '@nexwave/core';

import type { Order } from '../../domain/order';
import type { PositionSnapshot } from '../../domain/position';
import type {
  ExchangeFill,
  ExchangeOrder,
  ExchangePosition,
  OrderUpdate,
} from '../ports/exchange.port';

/** What the exchange said in one pass. */
export interface ExchangeState {
  readonly openOrders: readonly ExchangeOrder[];
  readonly fills: readonly ExchangeFill[];
}

/** The facts to apply to one of our orders, in order (an ack before the fills, a cancel after). */
export interface OrderCorrection {
  readonly order: Order;
  readonly updates: readonly OrderUpdate[];
}

export interface ReconciliationPlan {
  readonly corrections: readonly OrderCorrection[];
  /** Orders working on the exchange that match none of the orders given. */
  readonly foreignOrders: readonly ExchangeOrder[];
}

export interface PositionDifference {
  readonly symbol: string;
  readonly exchangeSize: string;
  readonly localSize: string;
}

/**
 * Compares our unsettled orders (pending, open, partially filled, unknown) with the exchange:
 * - every exchange fill of an order not yet applied is applied (fills are only ever the exchange's);
 * - an order working on the exchange that we hold as pending/unknown is opened with its exchange id;
 * - an order older than `gracePeriodMs` that is not working on the exchange and not filled by its
 *   fills is canceled when the exchange knew it (an exchange id or a fill), else rejected as
 *   never received. Younger ones are left alone: the exchange may not have it yet.
 */
export function planReconciliation(
  orders: readonly Order[],
  exchange: ExchangeState,
  now: Date,
  gracePeriodMs: number,
): ReconciliationPlan {
  const matched = new Set<ExchangeOrder>();
  const corrections: OrderCorrection[] = [];
  for (const order of orders) {
    const isOurs = isOrderOf(order);
    const working = exchange.openOrders.find(isOurs);
    const applied = new Set(order.snapshot().fillIds);
    const fills = exchange.fills.filter((f) => isOurs(f) && !applied.has(f.fillId));
    const updates: OrderUpdate[] = [];
    if (working) {
      matched.add(working);
      if (order.status === 'pending' || order.status === 'unknown') {
        updates.push(status(working.exchangeOrderId, order, 'open', null, now));
      }
    }
    updates.push(...fills.map((fill): OrderUpdate => ({ kind: 'fill', fill })));
    const filled = fills.reduce((sum, f) => sum.plus(f.amount), order.filledAmount);
    const settled = filled.gte(order.request.amount);
    const old = now.getTime() - order.snapshot().createdAt.getTime() >= gracePeriodMs;
    if (!working && !settled && old) {
      const exchangeOrderId = order.exchangeOrderId ?? fills[0]?.exchangeOrderId ?? null;
      updates.push(
        exchangeOrderId !== null || order.status === 'open' || order.status === 'partially_filled'
          ? status(
              exchangeOrderId ?? '',
              order,
              'canceled',
              'no longer working on the exchange',
              now,
            )
          : status(
              '',
              order,
              'rejected',
              `not found on the exchange ${Math.round(gracePeriodMs / 1000)} s after it was placed`,
              now,
            ),
      );
    }
    if (updates.length > 0) {
      corrections.push({ order, updates });
    }
  }
  return {
    corrections,
    foreignOrders: exchange.openOrders.filter((o) => !matched.has(o)),
  };
}

/** Orders working on the exchange that match none of `orders`. */
export function foreignOrders(
  orders: readonly Order[],
  openOrders: readonly ExchangeOrder[],
): ExchangeOrder[] {
  return openOrders.filter((o) => !orders.some((order) => isOrderOf(order)(o)));
}

/** Whether an exchange order or fill is `order`'s: same clientOrderId or same exchange id. */
function isOrderOf(
  order: Order,
): (o: { clientOrderId: string | null; exchangeOrderId: string }) => boolean {
  return (o) =>
    o.clientOrderId === order.clientOrderId || o.exchangeOrderId === order.exchangeOrderId;
}

/** Symbols whose size on the exchange differs from the size our fills built. */
export function positionDifferences(
  exchange: readonly ExchangePosition[],
  local: readonly PositionSnapshot[],
): PositionDifference[] {
  const symbols = [...new Set([...exchange, ...local].map((p) => p.symbol))].sort();
  return symbols
    .map((symbol) => ({
      symbol,
      exchangeSize: new Decimal(exchange.find((p) => p.symbol === symbol)?.size ?? 0).toFixed(),
      localSize: new Decimal(local.find((p) => p.symbol === symbol)?.size ?? 0).toFixed(),
    }))
    .filter((d) => !new Decimal(d.exchangeSize).eq(d.localSize));
}

function status(
  exchangeOrderId: string,
  order: Order,
  to: 'open' | 'canceled' | 'rejected',
  reason: string | null,
  at: Date,
): OrderUpdate {
  return {
    kind: 'status',
    exchangeOrderId,
    clientOrderId: order.clientOrderId,
    status: to,
    reason,
    at,
  };
}
