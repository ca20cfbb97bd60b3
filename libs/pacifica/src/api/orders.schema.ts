import { z } from 'zod';

import {
  decimalString,
  integer,
  nullable,
  orderSide,
  orderStatus,
  tradeSide,
} from './common.schema';

/** `/orders`: one open order (stop orders included, with `stop_price`; a market stop has no `price`). */
export const openOrderSchema = z
  .object({
    order_id: integer,
    client_order_id: nullable(z.string()),
    symbol: z.string(),
    side: orderSide,
    price: nullable(decimalString),
    initial_amount: decimalString,
    filled_amount: decimalString,
    cancelled_amount: decimalString,
    stop_price: nullable(decimalString),
    order_type: z.string(),
    stop_parent_order_id: nullable(integer),
    reduce_only: z.boolean(),
    created_at: integer,
    updated_at: nullable(integer),
  })
  .transform((o) => ({
    orderId: o.order_id,
    clientOrderId: o.client_order_id,
    symbol: o.symbol,
    side: o.side,
    price: o.price,
    initialAmount: o.initial_amount,
    filledAmount: o.filled_amount,
    cancelledAmount: o.cancelled_amount,
    stopPrice: o.stop_price,
    orderType: o.order_type,
    stopParentOrderId: o.stop_parent_order_id,
    reduceOnly: o.reduce_only,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  }));
export type OpenOrder = z.output<typeof openOrderSchema>;

/** `/orders/history`: one order in its latest state. */
export const orderHistoryItemSchema = z
  .object({
    order_id: integer,
    client_order_id: nullable(z.string()),
    symbol: z.string(),
    side: orderSide,
    initial_price: nullable(decimalString),
    average_filled_price: nullable(decimalString),
    amount: decimalString,
    filled_amount: decimalString,
    order_status: orderStatus,
    order_type: z.string(),
    stop_price: nullable(decimalString),
    stop_parent_order_id: nullable(integer),
    reduce_only: z.boolean(),
    reason: nullable(z.string()),
    created_at: integer,
    updated_at: nullable(integer),
  })
  .transform((o) => ({
    orderId: o.order_id,
    clientOrderId: o.client_order_id,
    symbol: o.symbol,
    side: o.side,
    initialPrice: o.initial_price,
    averageFilledPrice: o.average_filled_price,
    amount: o.amount,
    filledAmount: o.filled_amount,
    orderStatus: o.order_status,
    orderType: o.order_type,
    stopPrice: o.stop_price,
    stopParentOrderId: o.stop_parent_order_id,
    reduceOnly: o.reduce_only,
    reason: o.reason,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  }));
export type OrderHistoryItem = z.output<typeof orderHistoryItemSchema>;

/** `/orders/history_by_id`: one event of an order's log (newest first). */
export const orderEventSchema = z
  .object({
    history_id: integer,
    order_id: integer,
    client_order_id: nullable(z.string()),
    symbol: z.string(),
    side: orderSide,
    price: nullable(decimalString),
    initial_amount: decimalString,
    filled_amount: decimalString,
    cancelled_amount: decimalString,
    event_type: z.string(),
    order_type: z.string(),
    order_status: orderStatus,
    stop_price: nullable(decimalString),
    stop_parent_order_id: nullable(integer),
    reduce_only: z.boolean(),
    created_at: integer,
  })
  .transform((e) => ({
    historyId: e.history_id,
    orderId: e.order_id,
    clientOrderId: e.client_order_id,
    symbol: e.symbol,
    side: e.side,
    price: e.price,
    initialAmount: e.initial_amount,
    filledAmount: e.filled_amount,
    cancelledAmount: e.cancelled_amount,
    eventType: e.event_type,
    orderType: e.order_type,
    orderStatus: e.order_status,
    stopPrice: e.stop_price,
    stopParentOrderId: e.stop_parent_order_id,
    reduceOnly: e.reduce_only,
    createdAt: e.created_at,
  }));
export type OrderEvent = z.output<typeof orderEventSchema>;

/** `/trades/history`: one fill of the account. */
export const fillSchema = z
  .object({
    history_id: integer,
    order_id: integer,
    client_order_id: nullable(z.string()),
    symbol: z.string(),
    amount: decimalString,
    price: decimalString,
    entry_price: nullable(decimalString),
    fee: decimalString,
    pnl: nullable(decimalString),
    event_type: z.string(),
    side: tradeSide,
    cause: z.string(),
    created_at: integer,
  })
  .transform((f) => ({
    historyId: f.history_id,
    orderId: f.order_id,
    clientOrderId: f.client_order_id,
    symbol: f.symbol,
    amount: f.amount,
    price: f.price,
    entryPrice: f.entry_price,
    fee: f.fee,
    pnl: f.pnl,
    eventType: f.event_type,
    side: f.side,
    cause: f.cause,
    createdAt: f.created_at,
  }));
export type Fill = z.output<typeof fillSchema>;

/** POST create / create_market / stop create: `data.order_id`. */
export const createdOrderSchema = z
  .object({ order_id: integer })
  .transform((o) => ({ orderId: o.order_id }));

/** POST cancel_all: `data.cancelled_count`. */
export const cancelAllResultSchema = z
  .object({ cancelled_count: integer })
  .transform((r) => ({ cancelledCount: r.cancelled_count }));

/** POST batch: one entry of `data.results` per action, in order; a failed action has `error`. */
export const batchActionResultSchema = z
  .object({
    success: z.boolean(),
    order_id: nullable(integer),
    error: nullable(z.string()),
    code: nullable(integer),
  })
  .transform((r) =>
    r.success
      ? { success: true as const, orderId: r.order_id, recovered: false }
      : { success: false as const, error: r.error ?? 'unknown error', code: r.code },
  );
export type BatchActionResult = z.output<typeof batchActionResultSchema>;

export const batchResultSchema = z.object({ results: z.array(batchActionResultSchema) });
