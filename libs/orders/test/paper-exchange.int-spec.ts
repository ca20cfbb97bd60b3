import Redis from 'ioredis';

import { Decimal } from '@nexwave/core';
import { FixedClock, until } from '@nexwave/core/testing';
import { encodeStreamEntry, StreamFamilies, type StreamPort } from '@nexwave/messaging';
import {
  MemoryStreamAdapter,
  RedisStreamAdapter,
  startRedisServer,
  type RedisTestServer,
} from '@nexwave/messaging/testing';
import {
  ExchangeRejectedError,
  Order,
  Position,
  type ExchangeFill,
  type OrderRequest,
  type OrderUpdate,
} from '@nexwave/orders';
import { InMemoryOrderRepository, InMemoryPositionRepository } from '@nexwave/orders/testing';
import { PacificaRestClient } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { PaperExchangeAdapter } from '../src/infrastructure/exchange/paper-exchange.adapter';
import { startPaperExchange } from '../src/infrastructure/exchange/paper-exchange.providers';
import { PaperMarkets } from '../src/infrastructure/exchange/paper-markets';

/**
 * The paper exchange against real order-book entries written through the stream (memory, then a
 * real redis-server) and market rules read over HTTP from the simulator's /info (BTC: tick 1, lot
 * 0.00001, min order 10 USD). Fees: taker 0.04 %, maker 0.015 %.
 */
const T0 = new Date('2026-01-15T12:00:00.000Z');

type Level = [price: string, amount: string];

function market(clientOrderId: string, side: 'bid' | 'ask', amount: string): OrderRequest {
  return {
    clientOrderId,
    strategyId: 'paper-test',
    symbol: 'BTC',
    side,
    amount,
    reduceOnly: false,
    paperTrading: true,
    orderType: 'market',
    price: null,
    tif: null,
    slippagePercent: '0.5',
  };
}

function limit(clientOrderId: string, side: 'bid' | 'ask', amount: string, price: string) {
  return {
    ...market(clientOrderId, side, amount),
    orderType: 'limit',
    price,
    tif: 'GTC',
    slippagePercent: null,
  } as const satisfies OrderRequest;
}

function paperExchangeSuite(openStreams: () => Promise<StreamPort>): void {
  let streams: StreamPort;
  let sim: PacificaSim;
  let clock: FixedClock;
  let running: PaperExchangeAdapter[];

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, bookIntervalMs: 0 });
  });

  afterAll(() => sim.stop());

  beforeEach(async () => {
    streams = await openStreams();
    clock = new FixedClock(T0);
    running = [];
  });

  afterEach(async () => {
    await Promise.all(running.map((exchange) => exchange.stop()));
    await streams.close();
  });

  /** A started paper exchange with the updates it pushed. */
  async function openExchange(startingBalanceUsd = '100000') {
    const markets = new PaperMarkets(new PacificaRestClient({ baseUrl: sim.url }));
    const exchange = new PaperExchangeAdapter(streams, markets, {
      startingBalanceUsd,
      bookMaxAgeMs: 5_000,
      clock,
    });
    const updates: OrderUpdate[] = [];
    await exchange.subscribe((update) => updates.push(update));
    running.push(exchange);
    return { exchange, updates };
  }

  /** Writes a BTC book taken now (by the test clock) and waits until the exchange has read it. */
  async function publishBook(
    exchange: PaperExchangeAdapter,
    bids: Level[],
    asks: Level[],
    time = clock.now(),
  ): Promise<void> {
    const level = ([price, amount]: Level) => ({
      price,
      amount,
      orders: 1,
      notionalUsd: new Decimal(price).mul(amount).toFixed(),
    });
    const { stream, fields } = encodeStreamEntry(StreamFamilies.OrderBook, {
      symbol: 'BTC',
      time: time.toISOString(),
      bids: bids.map(level),
      asks: asks.map(level),
    });
    await streams.append(stream, fields);
    await until(() => exchange.bookTime('BTC')?.getTime() === time.getTime(), 'the book');
  }

  const fillsOf = (updates: OrderUpdate[]): ExchangeFill[] =>
    updates.flatMap((update) => (update.kind === 'fill' ? [update.fill] : []));

  it('walks two levels for a market buy: exact average price and taker fee', async () => {
    const { exchange, updates } = await openExchange();
    await exchange.start(['BTC']);
    await publishBook(
      exchange,
      [['99990', '1']],
      [
        ['100000', '0.1'],
        ['100010', '0.2'],
      ],
    );

    const ack = await exchange.place(market('m-1', 'bid', '0.25'));
    expect(updates).toEqual([]); // the ack comes first, as from the live exchange
    await until(() => updates.length === 2, 'two fills');

    const fills = fillsOf(updates);
    expect(
      fills.map(({ price, amount, feeUsd, liquidity }) => [price, amount, feeUsd, liquidity]),
    ).toEqual([
      ['100000', '0.1', '4', 'taker'],
      ['100010', '0.15', '6.0006', 'taker'],
    ]);
    expect(fills.every((fill) => fill.exchangeOrderId === ack.exchangeOrderId)).toBe(true);
    expect(await exchange.positions()).toEqual([
      { symbol: 'BTC', size: '0.25', entryPrice: '100006' },
    ]);
    expect(await exchange.fillsSince(T0)).toEqual(fills);
    expect(await exchange.openOrders()).toEqual([]);
  });

  it('rests a limit order until a later book crosses it, then fills it at its price as maker', async () => {
    const { exchange, updates } = await openExchange();
    await exchange.start(null);
    await publishBook(exchange, [['99990', '1']], [['100000', '1']]);

    const ack = await exchange.place(limit('l-1', 'bid', '0.1', '99000.7'));
    await until(() => updates.length === 1, 'the open status');
    expect(updates[0]).toMatchObject({ kind: 'status', status: 'open', clientOrderId: 'l-1' });
    expect(await exchange.openOrders()).toEqual([
      expect.objectContaining({
        exchangeOrderId: ack.exchangeOrderId,
        price: '99000', // rounded down to the tick: a buy never pays more
        amount: '0.1',
        filledAmount: '0',
      }),
    ]);

    clock.advance(1_000);
    await publishBook(exchange, [['98980', '1']], [['98990', '0.5']]);
    await until(() => updates.length === 2, 'the fill');

    expect(fillsOf(updates)).toEqual([
      expect.objectContaining({
        price: '99000',
        amount: '0.1',
        feeUsd: '1.485',
        liquidity: 'maker',
        at: clock.now(),
      }),
    ]);
    expect(await exchange.openOrders()).toEqual([]);
  });

  it('fills a thin book partially: a market order cancels the rest, a limit order rests it', async () => {
    const { exchange, updates } = await openExchange();
    await exchange.start(['BTC']);
    await publishBook(exchange, [['99990', '1']], [['100000', '0.3']]);

    await exchange.place(market('m-thin', 'bid', '1'));
    await until(() => updates.length === 2, 'a fill and the cancel');
    expect(updates[0]).toMatchObject({ kind: 'fill', fill: { amount: '0.3', price: '100000' } });
    expect(updates[1]).toMatchObject({
      kind: 'status',
      status: 'canceled',
      reason: 'slippage bound reached or book exhausted',
    });

    await exchange.place(limit('l-thin', 'bid', '1', '100000'));
    await until(() => updates.length === 4, 'open and a fill');
    expect(updates[2]).toMatchObject({ kind: 'status', status: 'open', clientOrderId: 'l-thin' });
    expect(updates[3]).toMatchObject({ kind: 'fill', fill: { amount: '0.3', liquidity: 'taker' } });
    expect(await exchange.openOrders()).toEqual([
      expect.objectContaining({ clientOrderId: 'l-thin', amount: '1', filledAmount: '0.3' }),
    ]);
  });

  it('clamps a reduce-only order to the position and refuses one with nothing to reduce', async () => {
    const { exchange, updates } = await openExchange();
    await exchange.start(['BTC']);
    await publishBook(exchange, [['99990', '5']], [['100000', '5']]);
    await expect(
      exchange.place({ ...market('r-0', 'ask', '0.1'), reduceOnly: true }),
    ).rejects.toMatchObject({
      code: 'ORDER_REFUSED',
      reason: 'reduce-only order without a position to reduce',
    });

    await exchange.place(market('r-open', 'bid', '0.2'));
    await exchange.place({ ...market('r-close', 'ask', '1'), reduceOnly: true });
    await until(() => updates.length === 3, 'two fills and a cancel');

    expect(updates[1]).toMatchObject({ kind: 'fill', fill: { side: 'ask', amount: '0.2' } });
    expect(updates[2]).toMatchObject({
      kind: 'status',
      status: 'canceled',
      reason: 'reduce-only: clamped to the position of 0.2',
    });
    expect(await exchange.positions()).toEqual([]);
  });

  it('refuses orders without a fresh book or on an unlisted market, not as an outage', async () => {
    const { exchange } = await openExchange();
    await exchange.start(['BTC']);
    const refusal = (code: string): unknown =>
      expect.objectContaining({ code, name: ExchangeRejectedError.name });

    await expect(exchange.place(market('n-1', 'bid', '0.1'))).rejects.toEqual(refusal('NO_BOOK'));
    await expect(
      exchange.place({ ...market('n-2', 'bid', '0.1'), symbol: 'DOGE' }),
    ).rejects.toEqual(refusal('UNKNOWN_MARKET'));

    await publishBook(exchange, [['99990', '1']], [['100000', '1']]);
    await expect(exchange.place(market('n-3', 'bid', '0.00001'))).rejects.toEqual(
      refusal('NOTIONAL_TOO_SMALL'),
    );
    clock.advance(5_001);
    await expect(exchange.place(market('n-4', 'bid', '0.1'))).rejects.toEqual(
      refusal('STALE_BOOK'),
    );
    await expect(exchange.place(market('n-4', 'bid', '0.1'))).rejects.toBeInstanceOf(
      ExchangeRejectedError,
    );
  });

  it('executes a clientOrderId once, even when it is sent twice at the same time', async () => {
    const { exchange, updates } = await openExchange();
    await exchange.start(['BTC']);
    await publishBook(exchange, [['99990', '1']], [['100000', '1']]);

    const [first, second] = await Promise.all([
      exchange.place(market('twice', 'bid', '0.1')),
      exchange.place(market('twice', 'bid', '0.1')),
    ]);
    await until(() => updates.length > 0, 'the fill');

    expect(second).toEqual(first);
    expect(fillsOf(updates)).toHaveLength(1);
    expect(await exchange.positions()).toEqual([
      { symbol: 'BTC', size: '0.1', entryPrice: '100000' },
    ]);
  });

  it('cancels one resting order, then all, and says when there is nothing to cancel', async () => {
    const { exchange, updates } = await openExchange();
    await exchange.start(['BTC']);
    await publishBook(exchange, [['99990', '1']], [['100000', '1']]);
    const first = await exchange.place(limit('c-1', 'bid', '0.1', '90000'));
    await exchange.place(limit('c-2', 'ask', '0.1', '110000'));
    await exchange.place(limit('c-3', 'bid', '0.1', '91000'));
    expect(await exchange.place(limit('c-1', 'bid', '0.1', '90000'))).toEqual(first);

    await exchange.cancel({ symbol: 'BTC', clientOrderId: 'c-1', exchangeOrderId: null });
    expect((await exchange.openOrders()).map((order) => order.clientOrderId)).toEqual([
      'c-2',
      'c-3',
    ]);
    await expect(
      exchange.cancel({
        symbol: 'BTC',
        clientOrderId: 'c-1',
        exchangeOrderId: first.exchangeOrderId,
      }),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });

    expect(await exchange.cancelAll('ETH')).toBe(0);
    expect(await exchange.cancelAll(null)).toBe(2);
    expect(await exchange.openOrders()).toEqual([]);
    await until(() => updates.length === 6, 'three opens and three cancels');
    expect(updates.slice(3)).toEqual([
      expect.objectContaining({
        clientOrderId: 'c-1',
        status: 'canceled',
        reason: 'canceled on request',
      }),
      expect.objectContaining({ clientOrderId: 'c-2', status: 'canceled' }),
      expect.objectContaining({ clientOrderId: 'c-3', status: 'canceled' }),
    ]);
  });

  it('moves balance and equity by realised and unrealised PnL and fees over a round trip', async () => {
    const { exchange } = await openExchange('50000');
    await exchange.start(['BTC']);
    await publishBook(exchange, [['99990', '1']], [['100000', '1']]);
    await exchange.place(market('p-buy', 'bid', '0.1')); // fee 4

    // mid 101005: unrealised (101005 - 100000) × 0.1; margin 0.1 × 101005 / 50 (BTC's max leverage)
    await publishBook(exchange, [['101000', '1']], [['101010', '1']], new Date(T0.getTime() + 1));
    expect(await exchange.account()).toEqual({
      balanceUsd: '49996',
      equityUsd: '50096.5',
      availableToSpendUsd: '49894.49',
    });

    await exchange.place(market('p-sell', 'ask', '0.1')); // at 101000, fee 4.04
    expect(await exchange.account()).toEqual({
      balanceUsd: '50091.96',
      equityUsd: '50091.96',
      availableToSpendUsd: '50091.96',
    });
  });

  it('after a restart, keeps resting orders resting and the ledger going from the stored state', async () => {
    const before = await openExchange();
    await before.exchange.start(['BTC']);
    await publishBook(before.exchange, [['99990', '1']], [['100000', '1']]);
    await before.exchange.place(market('s-buy', 'bid', '0.1'));
    const restingRequest = limit('s-rest', 'ask', '0.1', '101000');
    const ack = await before.exchange.place(restingRequest);
    await until(() => before.updates.length === 2, 'a fill and an open');
    const held = await before.exchange.openOrders();
    await before.exchange.stop();

    // What the database holds: the resting order and the position built from the fill.
    const { order } = Order.create(restingRequest, T0);
    order.open(ack.exchangeOrderId, { cause: 'paper', at: T0 });
    const fill = fillsOf(before.updates)[0];
    const position = Position.flat('BTC').apply(fill);

    const after = await openExchange();
    await after.exchange.restore([order], [position.snapshot()]);
    await after.exchange.start(['BTC']);
    expect(await after.exchange.openOrders()).toEqual(held);
    expect(await after.exchange.positions()).toEqual(await before.exchange.positions());
    expect(await after.exchange.place(restingRequest)).toEqual(ack);

    clock.advance(1_000);
    await publishBook(after.exchange, [['101500', '1']], [['101510', '1']]);
    await until(() => after.updates.length === 1, 'the fill of the restored order');
    expect(fillsOf(after.updates)).toEqual([
      expect.objectContaining({
        exchangeOrderId: ack.exchangeOrderId,
        price: '101000',
        feeUsd: '1.515',
      }),
    ]);
    // 100000 + (101000 - 100000) × 0.1 - 4 (taker) - 1.515 (maker)
    expect(await after.exchange.account()).toMatchObject({ balanceUsd: '100094.485' });
    expect(await after.exchange.positions()).toEqual([]);
  });

  it('starts from the repositories: working orders, open and flat positions', async () => {
    const repository = new InMemoryOrderRepository();
    const positions = new InMemoryPositionRepository(repository);
    const restingId = '0b7e7c52-58a4-4d8c-9f0e-3f1f1c1e2a01';
    // What the repositories hold after earlier paper trading: a BTC round trip (flat now, with
    // realised PnL and fees), an open ETH position, and a BTC bid still resting.
    const filled = async (
      clientOrderId: string,
      request: OrderRequest,
      price: string,
      feeUsd: string,
    ) => {
      const { order, events } = Order.create({ ...request, clientOrderId }, T0);
      const opened = order.open(`paper-${clientOrderId}`, { cause: 'paper', at: T0 });
      const fill = order.applyFill(
        {
          fillId: `fill-${clientOrderId}`,
          amount: request.amount,
          price,
          feeUsd,
          liquidity: 'taker',
          at: T0,
        },
        'paper',
      );
      const stored = await positions.find(request.symbol, true);
      const position = stored.apply({
        side: request.side,
        amount: request.amount,
        price,
        feeUsd,
        at: T0,
      });
      await repository.add({ order, events: [...events, ...opened, ...fill], position });
    };
    await filled('0b7e7c52-58a4-4d8c-9f0e-3f1f1c1e2a02', market('', 'bid', '0.1'), '100000', '4');
    await filled(
      '0b7e7c52-58a4-4d8c-9f0e-3f1f1c1e2a03',
      market('', 'ask', '0.1'),
      '101000',
      '4.04',
    );
    await filled(
      '0b7e7c52-58a4-4d8c-9f0e-3f1f1c1e2a04',
      { ...market('', 'bid', '1'), symbol: 'ETH' },
      '3500',
      '1.4',
    );
    const resting = Order.create(limit(restingId, 'bid', '0.1', '90000'), T0);
    const opened = resting.order.open('paper-before-restart', { cause: 'paper', at: T0 });
    await repository.add({
      order: resting.order,
      events: [...resting.events, ...opened],
      position: null,
    });

    const { exchange } = await openExchange();
    await startPaperExchange(exchange, repository, positions, ['BTC']);

    expect(await exchange.openOrders()).toEqual([
      expect.objectContaining({
        exchangeOrderId: 'paper-before-restart',
        clientOrderId: restingId,
      }),
    ]);
    expect(await exchange.positions()).toEqual([{ symbol: 'ETH', size: '1', entryPrice: '3500' }]);
    // 100000 + 100 realised - 8.04 - 1.4 fees; ETH has no book: marked at entry; margin held
    // 1 × 3500 / 50 (ETH) + 0.1 × 90000 / 50 (the resting BTC bid)
    expect(await exchange.account()).toEqual({
      balanceUsd: '100090.56',
      equityUsd: '100090.56',
      availableToSpendUsd: '99840.56',
    });
    await publishBook(exchange, [['99990', '1']], [['100000', '1']]);
  });
}

describe('PaperExchangeAdapter', () => {
  describe('over the in-memory stream', () => {
    paperExchangeSuite(() => Promise.resolve(new MemoryStreamAdapter()));
  });

  describe('over Redis streams (real redis-server)', () => {
    let server: RedisTestServer;
    const clients: Redis[] = [];

    beforeAll(async () => {
      server = await startRedisServer();
    });

    afterAll(async () => {
      await Promise.all(clients.map((client) => client.quit()));
      await server.stop();
    });

    paperExchangeSuite(() => {
      const client = new Redis(server.url);
      clients.push(client);
      return Promise.resolve(new RedisStreamAdapter(client));
    });
  });
});
