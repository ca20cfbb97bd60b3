import { z } from 'zod';

import { decimalString, integer, nullable, orderSide } from './common.schema';

const accountObjectSchema = z
  .object({
    balance: decimalString,
    fee_level: nullable(integer),
    account_equity: decimalString,
    available_to_spend: decimalString,
    available_to_withdraw: nullable(decimalString),
    pending_balance: nullable(decimalString),
    total_margin_used: nullable(decimalString),
    cross_mmr: nullable(decimalString),
    positions_count: nullable(integer),
    orders_count: nullable(integer),
    stop_orders_count: nullable(integer),
    updated_at: nullable(integer),
  })
  .transform((a) => ({
    balance: a.balance,
    feeLevel: a.fee_level,
    accountEquity: a.account_equity,
    availableToSpend: a.available_to_spend,
    availableToWithdraw: a.available_to_withdraw,
    pendingBalance: a.pending_balance,
    totalMarginUsed: a.total_margin_used,
    crossMmr: a.cross_mmr,
    positionsCount: a.positions_count,
    ordersCount: a.orders_count,
    stopOrdersCount: a.stop_orders_count,
    updatedAt: a.updated_at,
  }));

/** `/account`: an object, or (in one docs version) a one-element array of it. */
export const accountInfoSchema = z.union([
  accountObjectSchema,
  z.tuple([accountObjectSchema]).transform(([account]) => account),
]);
export type AccountInfo = z.output<typeof accountObjectSchema>;

/** `/positions`: one open position; `margin` is set for isolated positions only. */
export const positionSchema = z
  .object({
    symbol: z.string(),
    side: orderSide,
    amount: decimalString,
    entry_price: decimalString,
    margin: nullable(decimalString),
    funding: nullable(decimalString),
    isolated: z.boolean(),
    created_at: nullable(integer),
    updated_at: nullable(integer),
  })
  .transform((p) => ({
    symbol: p.symbol,
    side: p.side,
    amount: p.amount,
    entryPrice: p.entry_price,
    margin: p.margin,
    funding: p.funding,
    isolated: p.isolated,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  }));
export type Position = z.output<typeof positionSchema>;
