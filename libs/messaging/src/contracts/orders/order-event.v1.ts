import { z } from 'zod';

import { Decimal } from '@nexwave/core';

import {
  decimalString,
  isoDateTime,
  positiveDecimalString,
  sideSchema,
  symbolSchema,
} from '../common.schema';

export const orderEventTypeSchema = z.enum([
  'accepted',
  'opened',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
  'unknown',
]);
/** `unknown`: sent but its fate cannot be learned yet; reconciliation settles it. */
export const orderStatusSchema = z.enum([
  'pending',
  'open',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
  'unknown',
]);

/**
 * Who or what made a change: the request, the live exchange, the paper exchange, reconciliation
 * (a correction found by comparing with the exchange), an admin, or the circuit breaker.
 */
export const orderChangeCauseSchema = z.enum([
  'request',
  'exchange',
  'paper',
  'reconciliation',
  'admin',
  'breaker',
]);

export type OrderEventType = z.infer<typeof orderEventTypeSchema>;
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export type OrderChangeCause = z.infer<typeof orderChangeCauseSchema>;

/** The status an order is in after each lifecycle event. */
export const STATUS_AFTER_EVENT: Readonly<Record<OrderEventType, OrderStatus>> = {
  accepted: 'pending',
  opened: 'open',
  partially_filled: 'partially_filled',
  filled: 'filled',
  canceled: 'canceled',
  rejected: 'rejected',
  expired: 'expired',
  unknown: 'unknown',
};

/** The full state of one order: carried by every event and by the orders.commands.v1 replies. */
export const orderStateV1Schema = z.object({
  status: orderStatusSchema,
  /** Grows by one per event of the order; the `accepted` event is 0. */
  sequence: z.number().int().nonnegative(),
  clientOrderId: z.uuid(),
  /** The exchange's order id once it has one. */
  exchangeOrderId: z.string().min(1).nullable(),
  strategyId: z.string().min(1).max(64),
  symbol: symbolSchema,
  side: sideSchema,
  orderType: z.enum(['market', 'limit']),
  amount: positiveDecimalString,
  price: positiveDecimalString.nullable(),
  filledAmount: decimalString,
  averageFillPrice: positiveDecimalString.nullable(),
  /** Cumulative fee in USD. */
  feeUsd: decimalString,
  /** Why it was rejected, canceled or became unknown (exchange code, risk rule, timeout). */
  reason: z.string().min(1).max(500).nullable(),
  reduceOnly: z.boolean(),
  paperTrading: z.boolean(),
});

/**
 * One order lifecycle event (topic orders.events.v1, key clientOrderId). Every event carries the
 * full order state, so a consumer can project it without earlier events; `sequence` grows by one
 * per order and lets consumers drop stale or replayed events; `cause` says who made the change.
 * Amended in place (expired, unknown, cause) while nothing consumed v1 yet.
 */
export const orderEventV1Schema = orderStateV1Schema
  .extend({
    event: orderEventTypeSchema,
    cause: orderChangeCauseSchema,
    /** The fill this event reports (partially_filled, filled); null otherwise. */
    lastFillAmount: positiveDecimalString.nullable(),
    lastFillPrice: positiveDecimalString.nullable(),
    eventAt: isoDateTime,
  })
  .superRefine((order, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (STATUS_AFTER_EVENT[order.event] !== order.status) {
      issue('status', `event ${order.event} leaves the order ${STATUS_AFTER_EVENT[order.event]}`);
    }
    const filled = new Decimal(order.filledAmount);
    const amount = new Decimal(order.amount);
    if (filled.gt(amount)) {
      issue('filledAmount', 'cannot exceed amount');
    }
    if (order.event === 'filled' && !filled.eq(amount)) {
      issue('filledAmount', 'a filled order has filledAmount = amount');
    }
    if (order.event === 'partially_filled' && (filled.isZero() || filled.eq(amount))) {
      issue('filledAmount', 'a partial fill is between zero and amount');
    }
    if (!filled.isZero() && order.averageFillPrice === null) {
      issue('averageFillPrice', 'required once anything is filled');
    }
    const reportsFill = order.event === 'filled' || order.event === 'partially_filled';
    if (reportsFill !== (order.lastFillAmount !== null && order.lastFillPrice !== null)) {
      issue('lastFillAmount', 'lastFillAmount and lastFillPrice are set exactly on fill events');
    }
    if ((order.event === 'rejected' || order.event === 'unknown') && order.reason === null) {
      issue('reason', `a ${order.event} event has a reason`);
    }
  });

export type OrderStateV1 = z.infer<typeof orderStateV1Schema>;
export type OrderEventV1 = z.infer<typeof orderEventV1Schema>;
