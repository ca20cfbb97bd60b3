import { z } from 'zod';

import { systemClock, type Clock } from '@nexwave/core';

import {
  accountInfoSchema,
  positionSchema,
  type AccountInfo,
  type Position,
} from '../api/account.schema';
import { pageMetaSchema, snapshotMetaSchema, type Page, type Snapshot } from '../api/common.schema';
import {
  candleSchema,
  marketInfoSchema,
  marketPriceSchema,
  orderBookSchema,
  recentTradeSchema,
  type BookAggLevel,
  type Candle,
  type KlineInterval,
  type MarketInfo,
  type MarketPrice,
  type OrderBook,
  type RecentTrade,
} from '../api/market.schema';
import {
  cancelAllResultSchema,
  createdOrderSchema,
  fillSchema,
  openOrderSchema,
  orderEventSchema,
  orderHistoryItemSchema,
  type BatchActionResult,
  type Fill,
  type OpenOrder,
  type OrderEvent,
  type OrderHistoryItem,
} from '../api/orders.schema';
import {
  ExchangeRejectedError,
  ExchangeResponseInvalidError,
  ExchangeUnavailableError,
  isRetryableExchangeError,
  PacificaOrderError,
} from '../pacifica.errors';
import type { RequestSigner } from '../signing/request-signer';
import type { JsonObject } from '../signing/signing-message';
import { BATCH_PATH, submitBatch } from './batch-submission';
import {
  CREDIT_COSTS,
  CreditRateLimiter,
  CREDITS_WITH_API_KEY,
  CREDITS_WITHOUT_API_KEY,
} from './credit-rate-limiter';
import { assertBatchSize, type BatchAction, type PreparedBatchAction } from './order-batch';
import {
  cancelOrderPayload,
  checkedClientOrderId,
  limitOrderPayload,
  marketOrderPayload,
  positionTpslPayload,
  stopOrderPayload,
  type CancelOrderParams,
  type LimitOrderParams,
  type MarketOrderParams,
  type PositionTpslParams,
  type StopOrderParams,
} from './order-payloads';
import { PacificaHttp, type HttpResult, type QueryValue } from './pacifica-http';
import { DEFAULT_RETRY_POLICY, retryDelay, withRetry, type RetryPolicy } from './retry-policy';
import { realSleep, type Sleep } from './sleep';

export interface PacificaRestClientOptions {
  /** REST root including `/api/v1`, e.g. `https://test-api.pacifica.fi/api/v1`. */
  baseUrl: string;
  /** Needed for POSTs; its account is also the default account of the account GETs. */
  signer?: RequestSigner;
  /** Account read by the account GETs when no signer is given. */
  account?: string;
  /** Rate-limit key, sent as the `PF-API-KEY` header. */
  apiKey?: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Defaults to a limiter of 125 credits per 60 s, or 300 with an API key. */
  rateLimiter?: CreditRateLimiter;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
  /** How long `/info` stays cached. */
  marketsTtlMs?: number;
}

export interface CreatedOrder {
  orderId: number;
  clientOrderId: string | null;
  /** True when a retry found the order already placed (by client_order_id) instead of sending it again. */
  recovered: boolean;
}

export interface CancelReplaceResult {
  cancel: BatchActionResult;
  create: BatchActionResult;
}

export type CancelAllParams = ({ symbol: string } | { allSymbols: true }) & {
  excludeReduceOnly?: boolean;
};

export interface HistoryQuery {
  account?: string;
  limit?: number;
  cursor?: string;
}

export interface TradeHistoryQuery extends HistoryQuery {
  symbol?: string;
  startTime?: number;
  endTime?: number;
}

/** How many recent orders are searched for a client_order_id before a signed submit is retried. */
const CLIENT_ORDER_ID_LOOKUP_LIMIT = 100;

/**
 * Typed Pacifica REST client. GETs are retried on ExchangeUnavailable/RateLimited errors; order
 * creation is retried only with a client_order_id, after checking the order did not land (section
 * 3.5); cancels are retried and treat "Order not found" on a retry as done. Every call first takes
 * credits from the rate limiter. Order amounts and prices are rounded to the market's lot and tick.
 */
export class PacificaRestClient {
  private readonly http: PacificaHttp;
  private readonly retryPolicy: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly clock: Clock;
  private readonly marketsTtlMs: number;
  private markets: { loadedAt: number; list: MarketInfo[] } | null = null;
  private marketsLoading: Promise<MarketInfo[]> | null = null;

  constructor(private readonly options: PacificaRestClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.marketsTtlMs = options.marketsTtlMs ?? 3_600_000;
    const limiter =
      options.rateLimiter ??
      new CreditRateLimiter({
        budget: options.apiKey ? CREDITS_WITH_API_KEY : CREDITS_WITHOUT_API_KEY,
        clock: this.clock,
        sleep: this.sleep,
      });
    this.http = new PacificaHttp({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 10_000,
      limiter,
      clock: this.clock,
    });
  }

  // ---- market data -------------------------------------------------------------------------

  /** `/info`, cached for `marketsTtlMs`; concurrent callers share one request. */
  async getMarkets(): Promise<MarketInfo[]> {
    if (this.markets && this.clock.now().getTime() - this.markets.loadedAt < this.marketsTtlMs) {
      return this.markets.list;
    }
    this.marketsLoading ??= this.loadMarkets().finally(() => {
      this.marketsLoading = null;
    });
    return this.marketsLoading;
  }

  /** One market by its exact, case-sensitive symbol (`kBONK`); reloads `/info` once for a new listing. */
  async getMarket(symbol: string): Promise<MarketInfo> {
    const markets = await this.getMarkets();
    let market = markets.find((m) => m.symbol === symbol);
    if (!market) {
      this.markets = null;
      market = (await this.getMarkets()).find((m) => m.symbol === symbol);
    }
    if (!market) {
      throw new PacificaOrderError('UNKNOWN_MARKET', `Unknown Pacifica market ${symbol}`, {
        symbol,
      });
    }
    return market;
  }

  async getPrices(): Promise<MarketPrice[]> {
    return this.getParsed('/info/prices', {}, z.array(marketPriceSchema));
  }

  async getOrderBook(symbol: string, aggLevel: BookAggLevel = 1): Promise<OrderBook> {
    return this.getParsed('/book', { symbol, agg_level: aggLevel }, orderBookSchema);
  }

  async getRecentTrades(symbol: string): Promise<RecentTrade[]> {
    return this.getParsed('/trades', { symbol }, z.array(recentTradeSchema));
  }

  /** Candles overlapping [startTime, endTime], the oldest first, at most `limit` (≤ KLINE_MAX_LIMIT). */
  async getKlines(
    symbol: string,
    interval: KlineInterval,
    startTime: number,
    endTime?: number,
    limit?: number,
  ): Promise<Candle[]> {
    return this.getParsed(
      '/kline',
      { symbol, interval, start_time: startTime, end_time: endTime, limit },
      z.array(candleSchema),
      // Up to 4000 candles: paced as a heavy history GET, so a long download slows down before a 429.
      CREDIT_COSTS.heavyGet,
    );
  }

  // ---- account -----------------------------------------------------------------------------

  async getAccount(account = this.account()): Promise<AccountInfo> {
    return this.getParsed('/account', { account }, accountInfoSchema);
  }

  async getPositions(account = this.account()): Promise<Snapshot<Position>> {
    return this.getSnapshot('/positions', account, positionSchema);
  }

  async getOpenOrders(account = this.account()): Promise<Snapshot<OpenOrder>> {
    return this.getSnapshot('/orders', account, openOrderSchema);
  }

  /** One page, newest first; pass `nextCursor` back while `hasMore`. */
  async getOrderHistory(query: HistoryQuery = {}): Promise<Page<OrderHistoryItem>> {
    return this.getPage(
      '/orders/history',
      { account: query.account ?? this.account(), limit: query.limit, cursor: query.cursor },
      orderHistoryItemSchema,
    );
  }

  /** The event log of one order, newest first. */
  async getOrderHistoryById(orderId: number): Promise<OrderEvent[]> {
    return this.getParsed(
      '/orders/history_by_id',
      { order_id: orderId },
      z.array(orderEventSchema),
      CREDIT_COSTS.heavyGet,
    );
  }

  async getTradeHistory(query: TradeHistoryQuery = {}): Promise<Page<Fill>> {
    return this.getPage(
      '/trades/history',
      {
        account: query.account ?? this.account(),
        symbol: query.symbol,
        start_time: query.startTime,
        end_time: query.endTime,
        limit: query.limit,
        cursor: query.cursor,
      },
      fillSchema,
    );
  }

  /** Searches open orders, then the latest order history, for a client_order_id. */
  async findOrderByClientOrderId(
    clientOrderId: string,
    account = this.account(),
  ): Promise<{ orderId: number } | null> {
    const open = await this.getOpenOrders(account);
    const found = open.items.find((order) => order.clientOrderId === clientOrderId);
    if (found) {
      return { orderId: found.orderId };
    }
    const history = await this.getOrderHistory({ account, limit: CLIENT_ORDER_ID_LOOKUP_LIMIT });
    const past = history.items.find((order) => order.clientOrderId === clientOrderId);
    return past ? { orderId: past.orderId } : null;
  }

  // ---- orders ------------------------------------------------------------------------------

  async createMarketOrder(params: MarketOrderParams): Promise<CreatedOrder> {
    const market = await this.getMarket(params.symbol);
    const referencePrice = params.referencePrice ?? (await this.markPrice(market.symbol));
    const payload = marketOrderPayload(market, params, referencePrice);
    return this.submitOrder(
      'create_market_order',
      '/orders/create_market',
      payload,
      params.clientOrderId,
    );
  }

  async createLimitOrder(params: LimitOrderParams): Promise<CreatedOrder> {
    const market = await this.getMarket(params.symbol);
    const payload = limitOrderPayload(market, params);
    return this.submitOrder('create_order', '/orders/create', payload, params.clientOrderId);
  }

  async createStopOrder(params: StopOrderParams): Promise<CreatedOrder> {
    const market = await this.getMarket(params.symbol);
    const payload = stopOrderPayload(market, params);
    return this.submitOrder(
      'create_stop_order',
      '/orders/stop/create',
      payload,
      params.clientOrderId,
    );
  }

  /** Not retried: a repeat could add a second TP/SL pair. */
  async setPositionTpsl(params: PositionTpslParams): Promise<void> {
    const market = await this.getMarket(params.symbol);
    await this.signedPost(
      'set_position_tpsl',
      '/positions/tpsl',
      positionTpslPayload(market, params),
    );
  }

  /** Idempotent: retried, and "Order not found" on a retry means the first try cancelled it. */
  async cancelOrder(params: CancelOrderParams): Promise<void> {
    const payload = cancelOrderPayload(params);
    await withRetry(async (attempt) => {
      try {
        await this.signedPost('cancel_order', '/orders/cancel', payload, CREDIT_COSTS.cancel);
      } catch (error) {
        if (!(attempt > 0 && error instanceof ExchangeRejectedError && error.isOrderNotFound)) {
          throw error;
        }
      }
    }, this.retryContext());
  }

  /** Cancels every order (stop orders too) of one symbol or of all symbols; returns how many. */
  async cancelAllOrders(params: CancelAllParams): Promise<{ cancelledCount: number }> {
    const allSymbols = 'allSymbols' in params;
    const payload: JsonObject = {
      all_symbols: allSymbols,
      exclude_reduce_only: params.excludeReduceOnly ?? false,
      ...('symbol' in params ? { symbol: params.symbol } : {}),
    };
    const { data } = await withRetry(
      () =>
        this.signedPost('cancel_all_orders', '/orders/cancel_all', payload, CREDIT_COSTS.cancel),
      this.retryContext(),
    );
    return parseAs(cancelAllResultSchema, data, '/orders/cancel_all');
  }

  /**
   * Up to 10 actions in one signed request, run in order; one typed result per action (a failed
   * action does not stop the later ones). Retried only when every action is idempotent: see
   * `submitBatch`.
   */
  async batch(actions: readonly BatchAction[]): Promise<BatchActionResult[]> {
    assertBatchSize(actions.length);
    const prepared: PreparedBatchAction[] = [];
    for (const action of actions) {
      prepared.push(await this.prepareBatchAction(action));
    }
    return submitBatch(
      {
        signer: this.requireSigner('a batch'),
        policy: this.retryPolicy,
        clock: this.clock,
        sleep: this.sleep,
        random: this.random,
        post: async (body) =>
          (
            await this.http.send({
              method: 'POST',
              path: BATCH_PATH,
              body,
              cost: CREDIT_COSTS.request,
            })
          ).data,
        findOrderByClientOrderId: (cloid) => this.findOrderByClientOrderId(cloid),
      },
      prepared,
    );
  }

  /** Cancels one order and places its replacement in the same batch (one round trip). */
  async cancelReplace(params: {
    cancel: CancelOrderParams;
    create: LimitOrderParams;
  }): Promise<CancelReplaceResult> {
    const [cancel, create] = await this.batch([
      { type: 'Cancel', params: params.cancel },
      { type: 'Create', params: params.create },
    ]);
    return { cancel, create };
  }

  // ---- internals ---------------------------------------------------------------------------

  private async prepareBatchAction(action: BatchAction): Promise<PreparedBatchAction> {
    switch (action.type) {
      case 'Create':
        return {
          type: action.type,
          payload: limitOrderPayload(await this.getMarket(action.params.symbol), action.params),
        };
      case 'CreateMarket': {
        const market = await this.getMarket(action.params.symbol);
        const reference = action.params.referencePrice ?? (await this.markPrice(market.symbol));
        return { type: action.type, payload: marketOrderPayload(market, action.params, reference) };
      }
      case 'Cancel':
      case 'CancelStopOrder':
        return { type: action.type, payload: cancelOrderPayload(action.params) };
      case 'SetPositionTpsl':
        return {
          type: action.type,
          payload: positionTpslPayload(await this.getMarket(action.params.symbol), action.params),
        };
    }
  }

  /**
   * Without a client_order_id a failed submit is never retried: whether it landed is unknowable.
   * With one, after an ExchangeUnavailableError the client waits until the lost request's expiry
   * window has passed (the exchange can no longer accept it), looks the order up, and re-signs
   * (new timestamp) only when it is not there. A 429 is refused before processing: resent as is.
   */
  private async submitOrder(
    type: string,
    path: string,
    payload: JsonObject,
    clientOrderId: string | undefined,
  ): Promise<CreatedOrder> {
    const cloid = checkedClientOrderId(clientOrderId) ?? null;
    for (let attempt = 0; ; attempt++) {
      const sentAt = this.clock.now().getTime();
      try {
        const { data } = await this.signedPost(type, path, payload);
        return {
          orderId: parseAs(createdOrderSchema, data, path).orderId,
          clientOrderId: cloid,
          recovered: false,
        };
      } catch (error) {
        if (
          !cloid ||
          !isRetryableExchangeError(error) ||
          attempt + 1 >= this.retryPolicy.maxAttempts
        ) {
          throw error;
        }
        const backoff = retryDelay(error, attempt, this.retryPolicy, this.random);
        if (error instanceof ExchangeUnavailableError) {
          const expiresIn =
            sentAt + this.requireSigner().expiryWindowMs - this.clock.now().getTime();
          await this.sleep(Math.max(backoff, expiresIn));
          const unavailable = error;
          // If the lookup fails too, whether the order landed is unknown: do not send it again.
          const landed = await this.findOrderByClientOrderId(cloid).catch(() => {
            throw unavailable;
          });
          if (landed) {
            return { orderId: landed.orderId, clientOrderId: cloid, recovered: true };
          }
        } else {
          await this.sleep(backoff);
        }
      }
    }
  }

  private requireSigner(operation = 'a signed request'): RequestSigner {
    if (!this.options.signer) {
      throw new PacificaOrderError('INVALID_ORDER', `${operation} needs a RequestSigner`);
    }
    return this.options.signer;
  }

  private signedPost(
    type: string,
    path: string,
    payload: JsonObject,
    cost: number = CREDIT_COSTS.request,
  ): Promise<HttpResult> {
    const body = this.requireSigner(type).sign(type, payload);
    return this.http.send({ method: 'POST', path, body, cost });
  }

  private async markPrice(symbol: string): Promise<string> {
    const price = (await this.getPrices()).find((p) => p.symbol === symbol);
    if (!price) {
      throw new PacificaOrderError('UNKNOWN_MARKET', `No mark price for ${symbol}`, { symbol });
    }
    return price.mark;
  }

  private async loadMarkets(): Promise<MarketInfo[]> {
    const markets = await this.getParsed('/info', {}, z.array(marketInfoSchema));
    this.markets = { loadedAt: this.clock.now().getTime(), list: markets };
    return markets;
  }

  private async getSnapshot<S extends z.ZodType>(
    path: string,
    account: string,
    item: S,
  ): Promise<Snapshot<z.output<S>>> {
    const result = await this.get(path, { account }, CREDIT_COSTS.request);
    return {
      items: parseAs(z.array(item), result.data, path),
      lastOrderId: parseAs(snapshotMetaSchema, result.meta, path).last_order_id,
    };
  }

  private async getPage<S extends z.ZodType>(
    path: string,
    query: Record<string, QueryValue>,
    item: S,
  ): Promise<Page<z.output<S>>> {
    const result = await this.get(path, query, CREDIT_COSTS.heavyGet);
    const meta = parseAs(pageMetaSchema, result.meta, path);
    return {
      items: parseAs(z.array(item), result.data, path),
      nextCursor: meta.next_cursor,
      hasMore: meta.has_more,
    };
  }

  private async getParsed<S extends z.ZodType>(
    path: string,
    query: Record<string, QueryValue>,
    schema: S,
    cost: number = CREDIT_COSTS.request,
  ): Promise<z.output<S>> {
    return parseAs(schema, (await this.get(path, query, cost)).data, path);
  }

  private get(path: string, query: Record<string, QueryValue>, cost: number): Promise<HttpResult> {
    return withRetry(
      () => this.http.send({ method: 'GET', path, query, cost }),
      this.retryContext(),
    );
  }

  private retryContext() {
    return { policy: this.retryPolicy, sleep: this.sleep, random: this.random };
  }

  private account(): string {
    const account = this.options.account ?? this.options.signer?.account;
    if (!account) {
      throw new PacificaOrderError(
        'INVALID_ORDER',
        'no account: pass one, or give the client a signer',
      );
    }
    return account;
  }
}

function parseAs<S extends z.ZodType>(schema: S, data: unknown, path: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ExchangeResponseInvalidError(
      path,
      `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return result.data;
}
