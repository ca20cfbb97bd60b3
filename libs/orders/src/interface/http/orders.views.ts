import type { BreakerSnapshot, BreakerState } from '../../domain/circuit-breaker';
import {
  averageFillPrice,
  type OrderSide,
  type OrderSnapshot,
  type OrderType,
} from '../../domain/order';
import type { OrderStatus } from '../../domain/order-status';
import type { PositionSnapshot } from '../../domain/position';

/** One order as REST and GraphQL show it: the request, where it is, what was filled. */
export interface OrderView {
  readonly clientOrderId: string;
  readonly exchangeOrderId: string | null;
  readonly strategyId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly orderType: OrderType;
  readonly amount: string;
  readonly price: string | null;
  readonly tif: string | null;
  readonly slippagePercent: string | null;
  readonly reduceOnly: boolean;
  readonly paperTrading: boolean;
  readonly status: OrderStatus;
  readonly filledAmount: string;
  readonly averageFillPrice: string | null;
  readonly feeUsd: string;
  readonly reason: string | null;
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PositionView {
  readonly symbol: string;
  readonly size: string;
  readonly entryPrice: string | null;
  readonly realisedPnlUsd: string;
  readonly feesUsd: string;
  readonly updatedAt: string | null;
}

export interface CircuitBreakerView {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  readonly reason: string | null;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
}

export function orderView(snapshot: OrderSnapshot): OrderView {
  const { request } = snapshot;
  return {
    clientOrderId: request.clientOrderId,
    exchangeOrderId: snapshot.exchangeOrderId,
    strategyId: request.strategyId,
    symbol: request.symbol,
    side: request.side,
    orderType: request.orderType,
    amount: request.amount,
    price: request.price,
    tif: request.tif,
    slippagePercent: request.slippagePercent,
    reduceOnly: request.reduceOnly,
    paperTrading: request.paperTrading,
    status: snapshot.status,
    filledAmount: snapshot.filledAmount,
    averageFillPrice: averageFillPrice(snapshot)?.toFixed() ?? null,
    feeUsd: snapshot.feeUsd,
    reason: snapshot.reason,
    sequence: snapshot.sequence,
    createdAt: snapshot.createdAt.toISOString(),
    updatedAt: snapshot.updatedAt.toISOString(),
  };
}

export function positionView(position: PositionSnapshot): PositionView {
  return { ...position, updatedAt: position.updatedAt?.toISOString() ?? null };
}

export function circuitBreakerView(breaker: BreakerSnapshot): CircuitBreakerView {
  return {
    state: breaker.state,
    consecutiveFailures: breaker.consecutiveFailures,
    lastError: breaker.lastError,
    reason: breaker.reason,
    changedBy: breaker.changedBy,
    changedAt: breaker.changedAt?.toISOString() ?? null,
  };
}
