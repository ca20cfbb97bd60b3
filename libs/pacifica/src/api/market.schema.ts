import { z } from 'zod';

import { decimalString, integer, nullable, tradeSide } from './common.schema';

/** `/info`: one market; tick, lot and notional limits drive order rounding. */
export const marketInfoSchema = z
  .object({
    symbol: z.string(),
    tick_size: decimalString,
    min_tick: decimalString,
    max_tick: decimalString,
    lot_size: decimalString,
    max_leverage: integer,
    isolated_only: z.boolean().default(false),
    min_order_size: decimalString,
    max_order_size: decimalString,
    funding_rate: nullable(decimalString),
    next_funding_rate: nullable(decimalString),
    created_at: nullable(integer),
  })
  .transform((m) => ({
    symbol: m.symbol,
    tickSize: m.tick_size,
    lotSize: m.lot_size,
    minTick: m.min_tick,
    maxTick: m.max_tick,
    maxLeverage: m.max_leverage,
    isolatedOnly: m.isolated_only,
    minOrderSizeUsd: m.min_order_size,
    maxOrderSizeUsd: m.max_order_size,
    fundingRate: m.funding_rate,
    nextFundingRate: m.next_funding_rate,
    createdAt: m.created_at,
  }));
export type MarketInfo = z.output<typeof marketInfoSchema>;

/** `/info/prices` and the WS `prices` channel (same long field names). */
export const marketPriceSchema = z
  .object({
    symbol: z.string(),
    mark: decimalString,
    mid: nullable(decimalString),
    oracle: nullable(decimalString),
    funding: nullable(decimalString),
    next_funding: nullable(decimalString),
    open_interest: nullable(decimalString),
    volume_24h: nullable(decimalString),
    yesterday_price: nullable(decimalString),
    timestamp: integer,
  })
  .transform((p) => ({
    symbol: p.symbol,
    mark: p.mark,
    mid: p.mid,
    oracle: p.oracle,
    funding: p.funding,
    nextFunding: p.next_funding,
    openInterest: p.open_interest,
    volume24h: p.volume_24h,
    yesterdayPrice: p.yesterday_price,
    time: p.timestamp,
  }));
export type MarketPrice = z.output<typeof marketPriceSchema>;

const bookLevelSchema = z
  .object({ p: decimalString, a: decimalString, n: integer })
  .transform((l) => ({ price: l.p, amount: l.a, orders: l.n }));
export type BookLevel = z.output<typeof bookLevelSchema>;

/** `/book` and the WS `book` channel: a full snapshot, bids best first, at most 10 levels a side. */
export const orderBookSchema = z
  .object({
    s: z.string(),
    l: z.tuple([z.array(bookLevelSchema), z.array(bookLevelSchema)]),
    t: integer,
  })
  .transform((b) => ({ symbol: b.s, bids: b.l[0], asks: b.l[1], time: b.t }));
export type OrderBook = z.output<typeof orderBookSchema>;

export const BOOK_AGG_LEVELS = [1, 2, 5, 10, 100, 1000] as const;
export type BookAggLevel = (typeof BOOK_AGG_LEVELS)[number];

/** `/trades`: recent public trades of one market. */
export const recentTradeSchema = z
  .object({
    event_type: z.string(),
    price: decimalString,
    amount: decimalString,
    side: tradeSide,
    cause: z.string(),
    created_at: integer,
  })
  .transform((t) => ({
    eventType: t.event_type,
    price: t.price,
    amount: t.amount,
    side: t.side,
    cause: t.cause,
    createdAt: t.created_at,
  }));
export type RecentTrade = z.output<typeof recentTradeSchema>;

export const KLINE_INTERVALS = [
  '1m',
  '3m',
  '5m',
  '15m',
  '30m',
  '1h',
  '2h',
  '4h',
  '8h',
  '12h',
  '1d',
] as const;
export type KlineInterval = (typeof KLINE_INTERVALS)[number];
/** `/kline` returns at most this many candles a request (also its default). */
export const KLINE_MAX_LIMIT = 4_000;

/** `/kline`: one candle. */
export const candleSchema = z
  .object({
    t: integer,
    T: integer,
    s: z.string(),
    i: z.string(),
    o: decimalString,
    c: decimalString,
    h: decimalString,
    l: decimalString,
    v: decimalString,
    n: integer,
  })
  .transform((k) => ({
    openTime: k.t,
    closeTime: k.T,
    symbol: k.s,
    interval: k.i,
    open: k.o,
    high: k.h,
    low: k.l,
    close: k.c,
    volume: k.v,
    trades: k.n,
  }));
export type Candle = z.output<typeof candleSchema>;
