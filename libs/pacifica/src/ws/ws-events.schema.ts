import { z } from 'zod';

import {
  decimalString,
  integer,
  nullable,
  orderSide,
  orderStatus,
  tradeSide,
} from '../api/common.schema';
import {
  marketPriceSchema,
  orderBookSchema,
  type MarketPrice,
  type OrderBook,
} from '../api/market.schema';

/** `bbo`: best bid and offer of one market; a side is null when the book side is empty. */
export const bboSchema = z
  .object({
    s: z.string(),
    i: nullable(integer),
    t: integer,
    b: nullable(decimalString),
    B: nullable(decimalString),
    a: nullable(decimalString),
    A: nullable(decimalString),
  })
  .transform((m) => ({
    symbol: m.s,
    lastOrderId: m.i,
    time: m.t,
    bidPrice: m.b,
    bidAmount: m.B,
    askPrice: m.a,
    askAmount: m.A,
  }));
export type Bbo = z.output<typeof bboSchema>;

/** `trades`: public trades. */
export const publicTradeSchema = z
  .object({
    h: integer,
    s: z.string(),
    p: decimalString,
    a: decimalString,
    d: tradeSide,
    tc: z.string(),
    t: integer,
    u: nullable(z.string()),
  })
  .transform((m) => ({
    historyId: m.h,
    symbol: m.s,
    price: m.p,
    amount: m.a,
    side: m.d,
    cause: m.tc,
    time: m.t,
    takerAccount: m.u,
  }));
export type PublicTrade = z.output<typeof publicTradeSchema>;

/** `account_order_updates`: one order event. */
export const orderUpdateSchema = z
  .object({
    i: integer,
    I: nullable(z.string()),
    u: z.string(),
    s: z.string(),
    d: orderSide,
    p: nullable(decimalString),
    ip: nullable(decimalString),
    a: decimalString,
    f: decimalString,
    oe: z.string(),
    os: orderStatus,
    ot: z.string(),
    sp: nullable(decimalString),
    si: nullable(integer),
    r: z.boolean(),
    ct: integer,
    ut: integer,
  })
  .transform((m) => ({
    orderId: m.i,
    clientOrderId: m.I,
    account: m.u,
    symbol: m.s,
    side: m.d,
    averageFilledPrice: m.p,
    initialPrice: m.ip,
    amount: m.a,
    filledAmount: m.f,
    event: m.oe,
    status: m.os,
    orderType: m.ot,
    stopPrice: m.sp,
    stopParentOrderId: m.si,
    reduceOnly: m.r,
    createdAt: m.ct,
    updatedAt: m.ut,
  }));
export type OrderUpdate = z.output<typeof orderUpdateSchema>;

/** `account_trades`: one fill of the account. */
export const accountTradeSchema = z
  .object({
    h: integer,
    i: integer,
    I: nullable(z.string()),
    s: z.string(),
    ts: tradeSide,
    p: decimalString,
    a: decimalString,
    o: nullable(decimalString),
    n: nullable(decimalString),
    f: decimalString,
    te: z.string(),
    tc: z.string(),
    u: z.string(),
    t: integer,
  })
  .transform((m) => ({
    historyId: m.h,
    orderId: m.i,
    clientOrderId: m.I,
    symbol: m.s,
    side: m.ts,
    price: m.p,
    amount: m.a,
    entryPrice: m.o,
    pnl: m.n,
    fee: m.f,
    eventType: m.te,
    cause: m.tc,
    account: m.u,
    time: m.t,
  }));
export type AccountTrade = z.output<typeof accountTradeSchema>;

/** `account_positions`: one position; each message is the complete list (`[]` = flat). */
export const accountPositionSchema = z
  .object({
    s: z.string(),
    d: orderSide,
    a: decimalString,
    p: decimalString,
    m: nullable(decimalString),
    f: nullable(decimalString),
    i: z.boolean(),
    l: nullable(decimalString),
    t: integer,
  })
  .transform((m) => ({
    symbol: m.s,
    side: m.d,
    amount: m.a,
    entryPrice: m.p,
    margin: m.m,
    funding: m.f,
    isolated: m.i,
    liquidationPrice: m.l,
    time: m.t,
  }));
export type AccountPosition = z.output<typeof accountPositionSchema>;

/** Events emitted by PacificaWsClient, keyed by channel name. */
export interface PacificaWsEventMap {
  book: OrderBook;
  bbo: Bbo;
  trades: PublicTrade[];
  prices: MarketPrice[];
  account_order_updates: OrderUpdate[];
  account_trades: AccountTrade[];
  account_positions: AccountPosition[];
}
export type WsChannel = keyof PacificaWsEventMap;

const channelSchemas: { [C in WsChannel]: z.ZodType<PacificaWsEventMap[C]> } = {
  book: orderBookSchema,
  bbo: bboSchema,
  trades: z.array(publicTradeSchema),
  prices: z.array(marketPriceSchema),
  account_order_updates: z.array(orderUpdateSchema),
  account_trades: z.array(accountTradeSchema),
  account_positions: z.array(accountPositionSchema),
};

export type WsFrame =
  | { kind: 'event'; channel: WsChannel; data: PacificaWsEventMap[WsChannel] }
  | { kind: 'control'; channel: string }
  | { kind: 'malformed'; reason: string };

// Built once: a zod schema compiles its parser on first use, which per frame dominated the parse.
const frameSchema = z.object({ channel: z.string(), data: z.unknown() });

/** Parses one text frame; never throws. Unknown channels are control frames (pong, subscribe acks). */
export function parseWsFrame(text: string): WsFrame {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  const envelope = frameSchema.safeParse(message);
  if (!envelope.success) {
    return { kind: 'malformed', reason: 'no channel' };
  }
  const { channel, data } = envelope.data;
  if (!Object.hasOwn(channelSchemas, channel)) {
    return { kind: 'control', channel };
  }
  const parsed = channelSchemas[channel as WsChannel].safeParse(data);
  if (!parsed.success) {
    return { kind: 'malformed', reason: `invalid ${channel} data` };
  }
  return { kind: 'event', channel: channel as WsChannel, data: parsed.data };
}
