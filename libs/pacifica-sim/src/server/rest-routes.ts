import { KLINE_INTERVALS, type KlineInterval } from '../domain/candles';
import type { Exchange } from '../domain/exchange';
import type { StopInfo } from '../domain/exchange.types';
import type { Side, Tif } from '../domain/order';
import { HttpError, ok, type Envelope } from './http-error';
import type { Query } from './query';
import type { Schema } from './request-schema';
import { isPublicKey, type SignedOperation } from './signed-request';
import type { WireFormat } from './wire-format';

export interface RouteContext {
  exchange: Exchange;
  wire: WireFormat;
  startedAt: number;
}

export type GetRoute = (context: RouteContext, query: Query, now: number) => Envelope;

export interface PostRoute extends SignedOperation {
  handle(
    context: RouteContext,
    account: string,
    data: Record<string, unknown>,
    now: number,
  ): unknown;
}

const AGG_LEVELS = [1, 2, 5, 10, 100, 1000];
/** Pacifica caps `/kline` at 4000 candles a request (its default too), the oldest first. */
const KLINE_MAX_LIMIT = 4_000;
const MINUTE = 60_000;
const side = { type: { enum: ['bid', 'ask'] } } as const;
const optional = <T extends object>(spec: T) => ({ ...spec, optional: true });
const STOP_INFO: Schema = {
  stop_price: { type: 'decimal' },
  limit_price: { type: 'decimal', optional: true },
  amount: { type: 'decimal', optional: true },
  client_order_id: { type: 'uuid', optional: true },
  trigger_price_type: {
    type: { enum: ['mark_price', 'last_trade_price', 'mid_price'] },
    optional: true,
  },
};
const ORDER_COMMON: Schema = {
  symbol: { type: 'string' },
  reduce_only: { type: 'bool' },
  amount: { type: 'decimal' },
  side,
  client_order_id: { type: 'uuid', optional: true },
  take_profit: { type: { object: STOP_INFO }, optional: true },
  stop_loss: { type: { object: STOP_INFO }, optional: true },
  builder_code: { type: 'string', optional: true },
};

export const GET_ROUTES: Record<string, GetRoute> = {
  '/info': ({ exchange, wire, startedAt }) =>
    ok(exchange.markets.list().map((market) => wire.market(market, startedAt))),
  '/info/prices': ({ wire }, _query, now) => ok(wire.prices(now)),
  '/book': ({ exchange, wire }, query, now) => {
    const aggLevel = query.optionalInt('agg_level') ?? 1;
    if (!AGG_LEVELS.includes(aggLevel)) {
      throw new HttpError(400, `Invalid agg_level ${aggLevel}`);
    }
    return ok(wire.book(exchange.markets.get(query.string('symbol')), aggLevel, now));
  },
  '/trades': ({ exchange, wire }, query) =>
    ok(
      exchange.markets
        .get(query.string('symbol'))
        .tape.slice(0, 100)
        .map((t) => wire.publicTrade(t)),
    ),
  '/kline': ({ exchange, wire, startedAt }, query, now) => {
    const symbol = query.string('symbol');
    const interval = query.string('interval');
    if (!(interval in KLINE_INTERVALS)) {
      throw new HttpError(400, `unknown variant \`${interval}\` for \`interval\``);
    }
    const limit = Math.min(query.optionalInt('limit') ?? KLINE_MAX_LIMIT, KLINE_MAX_LIMIT);
    const candles = exchange.markets
      .get(symbol)
      .klines(
        interval as KlineInterval,
        query.int('start_time'),
        query.optionalInt('end_time') ?? now,
        limit,
        Math.floor(startedAt / MINUTE) * MINUTE,
      );
    return ok(
      candles.map((c) => ({
        t: c.openTime,
        T: c.closeTime,
        s: symbol,
        i: interval,
        o: wire.price(symbol, c.open),
        c: wire.price(symbol, c.close),
        h: wire.price(symbol, c.high),
        l: wire.price(symbol, c.low),
        v: wire.amount(symbol, c.volume),
        n: c.trades,
      })),
    );
  },
  '/account': ({ exchange, wire }, query, now) =>
    ok(wire.account(exchange.accounts.summary(accountParam(query), now))),
  '/positions': ({ exchange, wire }, query) =>
    ok(
      exchange.accounts.positions(accountParam(query)).map((p) => wire.position(p)),
      { last_order_id: exchange.lastOrderId },
    ),
  '/orders': ({ exchange, wire }, query) =>
    ok(
      exchange.orders.openOrders(accountParam(query)).map((o) => wire.openOrder(o)),
      { last_order_id: exchange.lastOrderId },
    ),
  '/orders/history': ({ exchange, wire }, query) => {
    const page = exchange.orders.orderHistory(
      accountParam(query),
      query.optionalInt('limit') ?? 100,
      query.optionalInt('cursor'),
    );
    return ok(
      page.items.map((o) => wire.historyOrder(o)),
      { next_cursor: page.nextCursor, has_more: page.hasMore },
    );
  },
  '/orders/history_by_id': ({ exchange, wire }, query) =>
    ok(exchange.orders.orderEvents(query.int('order_id')).map((e) => wire.orderEvent(e))),
  '/trades/history': ({ exchange, wire }, query) => {
    const page = exchange.accounts.fills(accountParam(query), {
      symbol: query.optionalString('symbol'),
      startTime: query.optionalInt('start_time'),
      endTime: query.optionalInt('end_time'),
      limit: query.optionalInt('limit') ?? 100,
      cursor: query.optionalInt('cursor'),
    });
    return ok(
      page.items.map((f) => wire.fill(f)),
      { next_cursor: page.nextCursor, has_more: page.hasMore },
    );
  },
};

export const POST_ROUTES: Record<string, PostRoute> = {
  '/orders/create_market': {
    type: 'create_market_order',
    payload: { ...ORDER_COMMON, slippage_percent: { type: 'decimal' } },
    handle: ({ exchange }, account, data, now) => ({
      order_id: exchange.trading.createMarketOrder(
        account,
        {
          ...orderCommon(data),
          slippagePercent: data['slippage_percent'] as string,
        },
        now,
      ),
    }),
  },
  '/orders/create': {
    type: 'create_order',
    payload: {
      ...ORDER_COMMON,
      price: { type: 'decimal' },
      tif: { type: { enum: ['GTC', 'IOC', 'ALO', 'TOB'] } },
    },
    handle: ({ exchange }, account, data, now) => ({
      order_id: exchange.trading.createLimitOrder(
        account,
        { ...orderCommon(data), price: data['price'] as string, tif: data['tif'] as Tif },
        now,
      ),
    }),
  },
  '/orders/stop/create': {
    type: 'create_stop_order',
    payload: {
      symbol: { type: 'string' },
      side,
      reduce_only: { type: 'bool' },
      stop_order: {
        type: { object: { ...STOP_INFO, amount: { type: 'decimal' } } },
      },
      builder_code: { type: 'string', optional: true },
    },
    handle: ({ exchange }, account, data, now) => {
      const stop = stopInfo(data['stop_order'])!;
      return {
        order_id: exchange.stops.createStopOrder(
          account,
          {
            symbol: data['symbol'] as string,
            side: data['side'] as Side,
            reduceOnly: data['reduce_only'] as boolean,
            ...stop,
            amount: stop.amount!,
          },
          now,
        ),
      };
    },
  },
  '/positions/tpsl': {
    type: 'set_position_tpsl',
    payload: {
      symbol: { type: 'string' },
      side,
      take_profit: optional({ type: { object: STOP_INFO } }),
      stop_loss: optional({ type: { object: STOP_INFO } }),
      builder_code: { type: 'string', optional: true },
    },
    handle: ({ exchange }, account, data, now) => {
      exchange.stops.setPositionTpsl(
        account,
        {
          symbol: data['symbol'] as string,
          side: data['side'] as Side,
          takeProfit: stopInfo(data['take_profit']),
          stopLoss: stopInfo(data['stop_loss']),
        },
        now,
      );
      return null;
    },
  },
  '/orders/cancel': cancelRoute('cancel_order', false),
  '/orders/stop/cancel': cancelRoute('cancel_stop_order', true),
  '/orders/cancel_all': {
    type: 'cancel_all_orders',
    payload: {
      all_symbols: { type: 'bool' },
      exclude_reduce_only: { type: 'bool' },
      symbol: { type: 'string', optional: true },
    },
    handle: ({ exchange }, account, data, now) => ({
      cancelled_count: exchange.trading.cancelAll(
        account,
        {
          allSymbols: data['all_symbols'] as boolean,
          excludeReduceOnly: data['exclude_reduce_only'] as boolean,
          symbol: data['symbol'] as string | undefined,
        },
        now,
      ),
    }),
  },
  '/agent/bind': {
    type: 'bind_agent_wallet',
    payload: { agent_wallet: { type: 'string' } },
    handle: ({ exchange }, account, data, now) => {
      const agent = data['agent_wallet'] as string;
      if (!isPublicKey(agent)) {
        throw new HttpError(400, 'Invalid public key');
      }
      exchange.accounts.bindAgent(account, agent, now);
      return null;
    },
  },
  '/account/leverage': {
    type: 'update_leverage',
    payload: { symbol: { type: 'string' }, leverage: { type: 'int' } },
    handle: ({ exchange }, account, data, now) => {
      exchange.accounts.setLeverage(
        account,
        data['symbol'] as string,
        data['leverage'] as number,
        now,
      );
      return null;
    },
  },
};

function cancelRoute(type: string, stopsOnly: boolean): PostRoute {
  return {
    type,
    payload: {
      symbol: { type: 'string' },
      order_id: { type: 'int', optional: true },
      client_order_id: { type: 'uuid', optional: true },
    },
    handle: ({ exchange }, account, data, now) => {
      const orderId = data['order_id'] as number | undefined;
      const clientOrderId = data['client_order_id'] as string | undefined;
      if ((orderId === undefined) === (clientOrderId === undefined)) {
        throw new HttpError(400, 'Exactly one of order_id or client_order_id is required');
      }
      exchange.trading.cancel(
        account,
        { symbol: data['symbol'] as string, orderId, clientOrderId },
        now,
        stopsOnly,
      );
      return null;
    },
  };
}

function accountParam(query: Query): string {
  const account = query.string('account');
  if (!isPublicKey(account)) {
    throw new HttpError(400, 'Invalid public key');
  }
  return account;
}

function orderCommon(data: Record<string, unknown>) {
  return {
    symbol: data['symbol'] as string,
    side: data['side'] as Side,
    amount: data['amount'] as string,
    reduceOnly: data['reduce_only'] as boolean,
    clientOrderId: data['client_order_id'] as string | undefined,
    takeProfit: stopInfo(data['take_profit']),
    stopLoss: stopInfo(data['stop_loss']),
  };
}

function stopInfo(value: unknown): StopInfo | undefined {
  if (value === undefined) {
    return undefined;
  }
  const info = value as Record<string, string | undefined>;
  return {
    stopPrice: info['stop_price']!,
    limitPrice: info['limit_price'],
    amount: info['amount'],
    clientOrderId: info['client_order_id'],
  };
}
