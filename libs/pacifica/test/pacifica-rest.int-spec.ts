import { FixedClock } from '@nexwave/core/testing';
import {
  buildSigningMessage,
  ExchangeRateLimitedError,
  ExchangeRejectedError,
  ExchangeResponseInvalidError,
  ExchangeUnavailableError,
  PacificaOrderError,
  PacificaRestClient,
  RequestSigner,
  SolanaKeypair,
  verifySignature,
  type JsonObject,
  type PacificaRestClientOptions,
} from '@nexwave/pacifica';

import {
  fail,
  HttpTestServer,
  ok,
  type RecordedRequest,
  type Route,
} from './support/http-test-server';

const CLOID = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const MARKETS = [
  {
    symbol: 'BTC',
    tick_size: '1',
    min_tick: '0',
    max_tick: '1000000',
    lot_size: '0.00001',
    max_leverage: 50,
    isolated_only: false,
    min_order_size: '10',
    max_order_size: '5000000',
    funding_rate: '0.0000125',
    next_funding_rate: '0.0000125',
    created_at: 1748881333944,
  },
  {
    symbol: 'kBONK',
    tick_size: '0.000001',
    min_tick: '0',
    max_tick: '1000',
    lot_size: '1',
    max_leverage: 10,
    isolated_only: false,
    min_order_size: '10',
    max_order_size: '1000000',
    funding_rate: null,
    next_funding_rate: null,
    created_at: 1748881333944,
  },
];
const ACCOUNT = {
  balance: '1000.50',
  fee_level: 0,
  account_equity: '1010.25',
  available_to_spend: '900.00',
  available_to_withdraw: '850.00',
  pending_balance: '0',
  total_margin_used: '110.25',
  cross_mmr: '5.1',
  positions_count: 1,
  orders_count: 2,
  stop_orders_count: 0,
  updated_at: 1750000000000,
  use_ltp_for_stop_orders: false,
};
const OPEN_ORDER = {
  order_id: 315979358,
  client_order_id: CLOID,
  symbol: 'BTC',
  side: 'bid',
  price: '60000',
  initial_amount: '0.01000',
  filled_amount: '0',
  cancelled_amount: '0',
  stop_price: null,
  order_type: 'limit',
  stop_parent_order_id: null,
  reduce_only: false,
  created_at: 1750000000000,
  updated_at: 1750000000000,
};
const TYPES: Record<string, string> = {
  '/orders/create_market': 'create_market_order',
  '/orders/create': 'create_order',
  '/orders/stop/create': 'create_stop_order',
  '/orders/cancel': 'cancel_order',
  '/orders/cancel_all': 'cancel_all_orders',
  '/positions/tpsl': 'set_position_tpsl',
};

/** What the exchange does: rebuild `data` from the flat body and verify the signature. */
function verifiesOnServer(request: RecordedRequest): boolean {
  const body = JSON.parse(request.body) as JsonObject;
  const { account, agent_wallet, signature, timestamp, expiry_window, ...data } = body;
  const message = buildSigningMessage(
    {
      type: TYPES[request.path],
      timestamp: timestamp as number,
      expiryWindow: expiry_window as number,
    },
    data,
  );
  return verifySignature((agent_wallet ?? account) as string, message, signature as string);
}

function bodyOf(request: RecordedRequest): JsonObject {
  return JSON.parse(request.body) as JsonObject;
}

/** Serves /info for every route that a test does not answer itself. */
function withMarkets(route: Route): Route {
  return (request, index) => (request.path === '/info' ? ok(MARKETS) : route(request, index));
}

describe('PacificaRestClient against a local HTTP server', () => {
  let server: HttpTestServer;
  const keypair = SolanaKeypair.generate();
  const sleeps: number[] = [];

  function client(options: Partial<PacificaRestClientOptions> = {}): PacificaRestClient {
    // Waiting moves a fixed clock (rate limiter and retries) instead of sleeping.
    const clock = new FixedClock(new Date());
    return new PacificaRestClient({
      baseUrl: server.baseUrl,
      signer: new RequestSigner(keypair),
      timeoutMs: 2_000,
      clock,
      sleep: (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      ...options,
    });
  }

  beforeEach(async () => {
    server = await HttpTestServer.start();
    sleeps.length = 0;
  });

  afterEach(() => server.close());

  describe('reads', () => {
    it('unwraps the envelope into camelCase markets, cached, with the PF-API-KEY header', async () => {
      server.setRoute(withMarkets(() => fail(404, 'no')));
      const pacifica = client({ apiKey: 'abcdefgh_key' });
      const markets = await pacifica.getMarkets();
      expect(markets[0]).toEqual({
        symbol: 'BTC',
        tickSize: '1',
        lotSize: '0.00001',
        minTick: '0',
        maxTick: '1000000',
        maxLeverage: 50,
        isolatedOnly: false,
        minOrderSizeUsd: '10',
        maxOrderSizeUsd: '5000000',
        fundingRate: '0.0000125',
        nextFundingRate: '0.0000125',
        createdAt: 1748881333944,
      });
      expect((await pacifica.getMarket('kBONK')).tickSize).toBe('0.000001');
      await expect(pacifica.getMarket('KBONK')).rejects.toMatchObject({ code: 'UNKNOWN_MARKET' });
      expect(server.requests[0].headers['pf-api-key']).toBe('abcdefgh_key');
      // One load, one reload for the unknown symbol.
      expect(server.requestsTo('GET', '/info')).toHaveLength(2);
    });

    it.each([
      ['an object', ACCOUNT],
      ['a one-element array', [ACCOUNT]],
    ])('reads /account given as %s', async (_, data) => {
      server.setRoute(() => ok(data));
      const account = await client().getAccount();
      expect(account).toMatchObject({
        balance: '1000.50',
        accountEquity: '1010.25',
        availableToSpend: '900.00',
        positionsCount: 1,
      });
      expect(server.requests[0].query.get('account')).toBe(keypair.publicKey);
    });

    it('reads a book snapshot', async () => {
      server.setRoute(() =>
        ok({ s: 'BTC', l: [[{ p: '100', a: '1.5', n: 3 }], [{ p: '101', a: '0.2', n: 1 }]], t: 7 }),
      );
      expect(await client().getOrderBook('BTC', 10)).toEqual({
        symbol: 'BTC',
        bids: [{ price: '100', amount: '1.5', orders: 3 }],
        asks: [{ price: '101', amount: '0.2', orders: 1 }],
        time: 7,
      });
      expect(server.requests[0].query.get('agg_level')).toBe('10');
    });

    it('returns open orders with the top-level last_order_id', async () => {
      server.setRoute(() => ok([OPEN_ORDER], { last_order_id: 315979400 }));
      const open = await client().getOpenOrders();
      expect(open.lastOrderId).toBe(315979400);
      expect(open.items[0]).toMatchObject({
        orderId: 315979358,
        clientOrderId: CLOID,
        price: '60000',
      });
    });

    it('pages order history with the cursor', async () => {
      const item = {
        ...OPEN_ORDER,
        initial_price: '60000',
        average_filled_price: null,
        amount: '0.01',
        order_status: 'cancelled',
        reason: 'cancel',
      };
      server.setRoute((request) =>
        request.query.get('cursor') === 'c2'
          ? ok([{ ...item, order_id: 1 }], { next_cursor: null, has_more: false })
          : ok([item], { next_cursor: 'c2', has_more: true }),
      );
      const pacifica = client();
      const first = await pacifica.getOrderHistory({ limit: 1 });
      expect(first).toMatchObject({ nextCursor: 'c2', hasMore: true });
      const second = await pacifica.getOrderHistory({ limit: 1, cursor: first.nextCursor ?? '' });
      expect(second).toMatchObject({ nextCursor: null, hasMore: false, items: [{ orderId: 1 }] });
    });

    it('parses klines, recent trades, fills and an order event log', async () => {
      server.setRoute((request) => {
        switch (request.path) {
          case '/kline':
            return ok([
              {
                t: 1,
                T: 60000,
                s: 'BTC',
                i: '1m',
                o: '1',
                c: '2',
                h: '3',
                l: '0.5',
                v: '10',
                n: 4,
              },
            ]);
          case '/trades':
            return ok([
              {
                event_type: 'fulfill_taker',
                price: '100',
                amount: '0.1',
                side: 'close_long',
                cause: 'normal',
                created_at: 5,
              },
            ]);
          case '/trades/history':
            return ok(
              [
                {
                  history_id: 1,
                  order_id: 2,
                  client_order_id: null,
                  symbol: 'BTC',
                  amount: '0.1',
                  price: '100',
                  entry_price: '99',
                  fee: '0.01',
                  pnl: '0.1',
                  event_type: 'fulfill_maker',
                  side: 'close_long',
                  cause: 'normal',
                  created_at: 5,
                },
              ],
              { next_cursor: 17, has_more: true },
            );
          default:
            return ok([
              {
                history_id: 3,
                ...OPEN_ORDER,
                price: '60000',
                event_type: 'make',
                order_status: 'open',
              },
            ]);
        }
      });
      const pacifica = client();
      await expect(pacifica.getKlines('BTC', '1m', 1)).resolves.toEqual([
        {
          openTime: 1,
          closeTime: 60000,
          symbol: 'BTC',
          interval: '1m',
          open: '1',
          high: '3',
          low: '0.5',
          close: '2',
          volume: '10',
          trades: 4,
        },
      ]);
      expect(server.requests[0].query.get('start_time')).toBe('1');
      expect(server.requests[0].query.has('end_time')).toBe(false);
      await expect(pacifica.getRecentTrades('BTC')).resolves.toMatchObject([
        { eventType: 'fulfill_taker', side: 'close_long' },
      ]);
      await expect(pacifica.getTradeHistory({ symbol: 'BTC' })).resolves.toMatchObject({
        items: [{ orderId: 2, entryPrice: '99', pnl: '0.1' }],
        nextCursor: '17',
        hasMore: true,
      });
      await expect(pacifica.getOrderHistoryById(315979358)).resolves.toMatchObject([
        { historyId: 3, eventType: 'make', orderStatus: 'open', clientOrderId: CLOID },
      ]);
      expect(server.requestsTo('GET', '/orders/history_by_id')[0].query.get('order_id')).toBe(
        '315979358',
      );
    });

    it('retries a GET after a 503', async () => {
      server.setRoute((_, index) => (index === 0 ? fail(503, 'Service unavailable') : ok(ACCOUNT)));
      await expect(client().getAccount()).resolves.toMatchObject({ balance: '1000.50' });
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toEqual([125]);
    });

    it('waits at least Retry-After after a 429', async () => {
      server.setRoute((_, index) =>
        index === 0
          ? { ...fail(429, 'Rate limit exceeded'), headers: { 'retry-after': '3' } }
          : ok(ACCOUNT),
      );
      await client().getAccount();
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toEqual([3_000]);
    });

    it('gives up with ExchangeRateLimitedError when 429 persists', async () => {
      server.setRoute(() => fail(429, 'Rate limit exceeded'));
      await expect(client({ retry: { maxAttempts: 2 } }).getPrices()).rejects.toBeInstanceOf(
        ExchangeRateLimitedError,
      );
      expect(server.requests).toHaveLength(2);
    });

    it('refuses a 200 whose shape is wrong', async () => {
      server.setRoute(() => ok([{ symbol: 'BTC', mark: 67000.5, timestamp: 1 }]));
      await expect(client().getPrices()).rejects.toBeInstanceOf(ExchangeResponseInvalidError);
    });

    it('maps a refused connection to ExchangeUnavailableError', async () => {
      const baseUrl = server.baseUrl;
      await server.close();
      server = await HttpTestServer.start();
      const error = await client({ baseUrl, retry: { maxAttempts: 1 } })
        .getPrices()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExchangeUnavailableError);
      expect(error).toMatchObject({ reason: 'network' });
    });
  });

  describe('signed orders', () => {
    it('rounds to tick and lot, and sends a body that verifies on the server', async () => {
      server.setRoute(withMarkets(() => ok({ order_id: 42 })));
      const created = await client().createLimitOrder({
        symbol: 'BTC',
        side: 'bid',
        amount: '0.0123456',
        price: '67123.9',
        tif: 'ALO',
        reduceOnly: false,
        clientOrderId: CLOID,
      });
      expect(created).toEqual({ orderId: 42, clientOrderId: CLOID, recovered: false });
      const [post] = server.requestsTo('POST', '/orders/create');
      expect(post.headers['content-type']).toBe('application/json');
      expect(bodyOf(post)).toMatchObject({
        account: keypair.publicKey,
        symbol: 'BTC',
        side: 'bid',
        amount: '0.01234',
        price: '67123',
        tif: 'ALO',
        reduce_only: false,
        client_order_id: CLOID,
      });
      expect(bodyOf(post)).not.toHaveProperty('type');
      expect(bodyOf(post)).not.toHaveProperty('data');
      expect(verifiesOnServer(post)).toBe(true);
    });

    it('rounds a sell limit up, keeps the case of kBONK and rounds attached TP/SL', async () => {
      server.setRoute(withMarkets(() => ok({ order_id: 43 })));
      await client().createLimitOrder({
        symbol: 'kBONK',
        side: 'ask',
        amount: '1000.7',
        price: '0.0234561',
        tif: 'GTC',
        reduceOnly: false,
        stopLoss: { stopPrice: '0.0260004', limitPrice: '0.0260009' },
      });
      const [post] = server.requestsTo('POST', '/orders/create');
      expect(bodyOf(post)).toMatchObject({
        symbol: 'kBONK',
        amount: '1000',
        price: '0.023457',
        stop_loss: {
          stop_price: '0.026000',
          limit_price: '0.026000',
          trigger_price_type: 'mark_price',
        },
      });
      expect(verifiesOnServer(post)).toBe(true);
    });

    it('checks a market order notional against the mark price before sending', async () => {
      server.setRoute(
        withMarkets((request) =>
          request.path === '/info/prices'
            ? ok([{ symbol: 'BTC', mark: '50000', mid: '50000', oracle: '50000', timestamp: 1 }])
            : ok({ order_id: 44 }),
        ),
      );
      const pacifica = client();
      const error = await pacifica
        .createMarketOrder({
          symbol: 'BTC',
          side: 'bid',
          amount: '0.000199',
          reduceOnly: false,
          slippagePercent: '0.5',
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PacificaOrderError);
      expect(error).toMatchObject({ code: 'NOTIONAL_TOO_SMALL' });
      await pacifica.createMarketOrder({
        symbol: 'BTC',
        side: 'ask',
        amount: '0.0002',
        reduceOnly: true,
        slippagePercent: '0.5',
        clientOrderId: CLOID,
      });
      const posts = server.requestsTo('POST', '/orders/create_market');
      expect(posts).toHaveLength(1);
      expect(bodyOf(posts[0])).toMatchObject({ amount: '0.00020', slippage_percent: '0.5' });
      expect(verifiesOnServer(posts[0])).toBe(true);
    });

    it('turns a bare "Verification failed" 400 into ExchangeRejectedError, not retried', async () => {
      server.setRoute(
        withMarkets(() => ({
          status: 400,
          body: 'Verification failed',
          headers: { 'content-type': 'text/plain' },
        })),
      );
      const error = await client()
        .createLimitOrder({
          symbol: 'BTC',
          side: 'bid',
          amount: '1',
          price: '60000',
          tif: 'GTC',
          reduceOnly: false,
          clientOrderId: CLOID,
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExchangeRejectedError);
      expect(error).toMatchObject({ status: 400, message: 'Verification failed' });
      expect(server.requestsTo('POST', '/orders/create')).toHaveLength(1);
    });

    it('after a create timeout finds the client_order_id in /orders and does not submit twice', async () => {
      server.setRoute(
        withMarkets((request) => {
          if (request.path === '/orders/create') {
            return 'hang';
          }
          return request.path === '/orders'
            ? ok([OPEN_ORDER], { last_order_id: 1 })
            : fail(404, 'no');
        }),
      );
      const created = await client({ timeoutMs: 300 }).createLimitOrder({
        symbol: 'BTC',
        side: 'bid',
        amount: '0.01',
        price: '60000',
        tif: 'GTC',
        reduceOnly: false,
        clientOrderId: CLOID,
      });
      expect(created).toEqual({ orderId: 315979358, clientOrderId: CLOID, recovered: true });
      expect(server.requestsTo('POST', '/orders/create')).toHaveLength(1);
      // The lookup waits out the lost request's 5 s expiry window, after which it cannot land.
      expect(sleeps).toContain(5_000);
      expect(server.requestsTo('GET', '/orders')[0].query.get('account')).toBe(keypair.publicKey);
    });

    it('re-signs and resubmits after a 503 when the order is in neither /orders nor history', async () => {
      server.setRoute(
        withMarkets((request) => {
          if (request.path === '/orders/create') {
            return server.requestsTo('POST', '/orders/create').length === 1
              ? fail(503, 'Service unavailable')
              : ok({ order_id: 99 });
          }
          if (request.path === '/orders') {
            return ok([], { last_order_id: 1 });
          }
          return ok([], { next_cursor: null, has_more: false });
        }),
      );
      const created = await client().createLimitOrder({
        symbol: 'BTC',
        side: 'bid',
        amount: '0.01',
        price: '60000',
        tif: 'GTC',
        reduceOnly: false,
        clientOrderId: CLOID,
      });
      expect(created).toEqual({ orderId: 99, clientOrderId: CLOID, recovered: false });
      const posts = server.requestsTo('POST', '/orders/create');
      expect(posts).toHaveLength(2);
      expect(server.requestsTo('GET', '/orders/history')).toHaveLength(1);
      expect(posts.every(verifiesOnServer)).toBe(true);
    });

    it('never retries a create without a client_order_id', async () => {
      server.setRoute(withMarkets(() => fail(503, 'Service unavailable')));
      await expect(
        client().createLimitOrder({
          symbol: 'BTC',
          side: 'bid',
          amount: '0.01',
          price: '60000',
          tif: 'GTC',
          reduceOnly: false,
        }),
      ).rejects.toBeInstanceOf(ExchangeUnavailableError);
      expect(server.requestsTo('POST', '/orders/create')).toHaveLength(1);
    });

    it('treats "Order not found" on a cancel retry as done', async () => {
      server.setRoute((_, index) =>
        index === 0 ? fail(504, 'Gateway timeout') : fail(422, 'Order not found', 5),
      );
      await expect(client().cancelOrder({ symbol: 'BTC', orderId: 7 })).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(2);
      expect(bodyOf(server.requests[1])).toMatchObject({ symbol: 'BTC', order_id: 7 });
      expect(server.requests.every(verifiesOnServer)).toBe(true);
    });

    it('reports "Order not found" on a first cancel attempt', async () => {
      server.setRoute(() => fail(422, 'Order not found', 5));
      await expect(
        client().cancelOrder({ symbol: 'BTC', clientOrderId: CLOID }),
      ).rejects.toMatchObject({ isOrderNotFound: true, code: 5 });
    });

    it('cancels all orders of one symbol and returns the count', async () => {
      server.setRoute(() => ok({ cancelled_count: 3 }));
      await expect(client().cancelAllOrders({ symbol: 'kBONK' })).resolves.toEqual({
        cancelledCount: 3,
      });
      expect(bodyOf(server.requests[0])).toMatchObject({
        all_symbols: false,
        exclude_reduce_only: false,
        symbol: 'kBONK',
      });
      expect(verifiesOnServer(server.requests[0])).toBe(true);
    });

    it('sends a standalone stop order and a position TP/SL, both signed', async () => {
      server.setRoute(withMarkets(() => ok({ order_id: 5 })));
      const pacifica = client();
      await pacifica.createStopOrder({
        symbol: 'BTC',
        side: 'ask',
        reduceOnly: true,
        stopPrice: '58000.4',
        amount: '0.0100001',
      });
      await pacifica.setPositionTpsl({
        symbol: 'BTC',
        side: 'ask',
        takeProfit: { stopPrice: '70000', limitPrice: '69999.2' },
      });
      const [stop] = server.requestsTo('POST', '/orders/stop/create');
      expect(bodyOf(stop)['stop_order']).toEqual({
        stop_price: '58000',
        amount: '0.01000',
        trigger_price_type: 'mark_price',
      });
      const [tpsl] = server.requestsTo('POST', '/positions/tpsl');
      expect(bodyOf(tpsl)['take_profit']).toEqual({
        stop_price: '70000',
        limit_price: '70000',
        trigger_price_type: 'mark_price',
      });
      expect([stop, tpsl].every(verifiesOnServer)).toBe(true);
    });
  });
});
