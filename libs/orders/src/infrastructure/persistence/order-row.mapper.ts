import {
  averageFillPrice,
  type Fill,
  type OrderRequest,
  type OrderSnapshot,
} from '../../domain/order';
import type { Position, PositionSnapshot } from '../../domain/position';
import type { FillEntity } from './fill.entity';
import type { OrderEntity } from './order.entity';
import type { PositionEntity } from './position.entity';

/** The columns of `orders` that change with each event. */
export function orderStateColumns(
  order: OrderSnapshot,
): Omit<
  OrderEntity,
  | 'id'
  | 'clientOrderId'
  | 'strategyId'
  | 'symbol'
  | 'side'
  | 'orderType'
  | 'tif'
  | 'amount'
  | 'price'
  | 'slippagePercent'
  | 'reduceOnly'
  | 'paper'
  | 'createdAt'
  | 'metadata'
> {
  return {
    exchangeOrderId: order.exchangeOrderId,
    status: order.status,
    filledAmount: order.filledAmount,
    filledNotionalUsd: order.filledNotionalUsd,
    averageFillPrice: averageFillPrice(order)?.toFixed() ?? null,
    feeUsd: order.feeUsd,
    reason: order.reason,
    sequence: order.sequence,
    updatedAt: order.updatedAt,
    filledAt: order.status === 'filled' ? order.updatedAt : null,
    canceledAt: order.status === 'canceled' ? order.updatedAt : null,
  };
}

export function toOrderRow(id: string, order: OrderSnapshot): Omit<OrderEntity, 'metadata'> {
  const { request } = order;
  return {
    id,
    clientOrderId: request.clientOrderId,
    strategyId: request.strategyId,
    symbol: request.symbol,
    side: request.side,
    orderType: request.orderType,
    tif: request.tif,
    amount: request.amount,
    price: request.price,
    slippagePercent: request.slippagePercent,
    reduceOnly: request.reduceOnly,
    paper: request.paperTrading,
    createdAt: order.createdAt,
    ...orderStateColumns(order),
  };
}

export function toOrderSnapshot(row: OrderEntity, fillIds: readonly string[]): OrderSnapshot {
  return {
    request: toOrderRequest(row),
    status: row.status,
    exchangeOrderId: row.exchangeOrderId,
    filledAmount: row.filledAmount,
    filledNotionalUsd: row.filledNotionalUsd,
    feeUsd: row.feeUsd,
    reason: row.reason,
    sequence: row.sequence,
    fillIds,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toOrderRequest(row: OrderEntity): OrderRequest {
  const base = {
    clientOrderId: row.clientOrderId,
    strategyId: row.strategyId,
    symbol: row.symbol,
    side: row.side,
    amount: row.amount,
    reduceOnly: row.reduceOnly,
    paperTrading: row.paper,
  };
  return row.orderType === 'market'
    ? {
        ...base,
        orderType: 'market',
        price: null,
        tif: null,
        slippagePercent: row.slippagePercent!,
      }
    : { ...base, orderType: 'limit', price: row.price!, tif: row.tif!, slippagePercent: null };
}

export function toFillRow(orderId: string, fill: Fill): Omit<FillEntity, 'id' | 'order'> {
  return {
    orderId,
    fillId: fill.fillId,
    price: fill.price,
    amount: fill.amount,
    fee: fill.feeUsd,
    liquidity: fill.liquidity,
    filledAt: fill.at,
  };
}

export function toPositionRow(position: Position, paper: boolean): PositionEntity {
  const snapshot = position.snapshot();
  return {
    paper,
    symbol: snapshot.symbol,
    size: snapshot.size,
    entryPrice: snapshot.entryPrice,
    realisedPnlUsd: snapshot.realisedPnlUsd,
    feesUsd: snapshot.feesUsd,
    updatedAt: snapshot.updatedAt,
  };
}

export function toPositionSnapshot(row: PositionEntity): PositionSnapshot {
  return {
    symbol: row.symbol,
    size: row.size,
    entryPrice: row.entryPrice,
    realisedPnlUsd: row.realisedPnlUsd,
    feesUsd: row.feesUsd,
    updatedAt: row.updatedAt,
  };
}
