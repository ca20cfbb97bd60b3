import type { OrderEventV1, OrderStateV1 } from '@nexwave/messaging';

import { averageFillPrice, type OrderEvent, type OrderSnapshot } from '../../domain/order';

/** The contract's bound on a reason; a longer one (an exchange's message) is cut to fit. */
const MAX_REASON_LENGTH = 500;

/** An order's state as orders.events.v1 and the orders.commands.v1 replies carry it. */
export function toOrderStateV1(order: OrderSnapshot): OrderStateV1 {
  const { request } = order;
  return {
    status: order.status,
    sequence: order.sequence,
    clientOrderId: request.clientOrderId,
    exchangeOrderId: order.exchangeOrderId,
    strategyId: request.strategyId,
    symbol: request.symbol,
    side: request.side,
    orderType: request.orderType,
    amount: request.amount,
    price: request.price,
    filledAmount: order.filledAmount,
    averageFillPrice: averageFillPrice(order)?.toFixed() ?? null,
    feeUsd: order.feeUsd,
    reason: order.reason === null ? null : truncateReason(order.reason),
    reduceOnly: request.reduceOnly,
    paperTrading: request.paperTrading,
  };
}

/** The orders.events.v1 payload of one order event (validated when the outbox row is written). */
export function toOrderEventV1(event: OrderEvent): OrderEventV1 {
  return {
    ...toOrderStateV1(event.order),
    event: event.type,
    cause: event.cause,
    lastFillAmount: event.fill?.amount ?? null,
    lastFillPrice: event.fill?.price ?? null,
    eventAt: event.at.toISOString(),
  };
}

/** A reason cut to the contract's bound, marked with an ellipsis when cut. */
export function truncateReason(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;
}
