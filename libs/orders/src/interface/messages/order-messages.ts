import type { OrderCommandReplyV1, OrderRequestV1, OrderStateV1 } from '@nexwave/messaging';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';
import { Order, type OrderRequest, type OrderSnapshot } from '../../domain/order';

/** The contract's longest reason. */
const MAX_REASON = 500;

/** A strategy's request as the domain takes it (metadata is the strategy's own and not kept). */
export function toOrderRequest({ metadata: _metadata, ...request }: OrderRequestV1): OrderRequest {
  return request;
}

export function toOrderStateV1(snapshot: OrderSnapshot): OrderStateV1 {
  const { request } = snapshot;
  return {
    status: snapshot.status,
    sequence: snapshot.sequence,
    clientOrderId: request.clientOrderId,
    exchangeOrderId: snapshot.exchangeOrderId,
    strategyId: request.strategyId,
    symbol: request.symbol,
    side: request.side,
    orderType: request.orderType,
    amount: request.amount,
    price: request.price,
    filledAmount: snapshot.filledAmount,
    averageFillPrice: Order.restore(snapshot).averageFillPrice?.toFixed() ?? null,
    feeUsd: snapshot.feeUsd,
    reason: snapshot.reason === null ? null : truncate(snapshot.reason),
    reduceOnly: request.reduceOnly,
    paperTrading: request.paperTrading,
  };
}

export function breakerReply(snapshot: BreakerSnapshot): OrderCommandReplyV1 {
  return {
    outcome: 'breaker',
    state: snapshot.state,
    reason: snapshot.reason === null ? null : truncate(snapshot.reason),
    changedBy: snapshot.changedBy,
    changedAt: snapshot.changedAt?.toISOString() ?? null,
    consecutiveFailures: snapshot.consecutiveFailures,
  };
}

export function truncate(reason: string): string {
  return reason.length <= MAX_REASON ? reason : `${reason.slice(0, MAX_REASON - 1)}…`;
}
