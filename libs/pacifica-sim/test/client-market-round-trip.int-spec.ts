import { Decimal } from '@nexwave/core';
import { PacificaOrderError } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { expectWellFormedBook, newTraderClient } from './client-harness';

/** The real PacificaRestClient against the simulator: market data, account reads, order rounding. */
describe('PacificaRestClient <-> pacifica-sim (market data, account, rounding)', () => {
  let sim: PacificaSim;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 7, bookIntervalMs: 0 });
    sim.tick(30); // some public trades for /trades and /kline
  });

  afterAll(() => sim.stop());

  it('reads markets, prices, books, recent trades and klines', async () => {
    const { client } = newTraderClient(sim);
    const markets = await client.getMarkets();
    expect(markets.map((m) => m.symbol)).toEqual(['BTC', 'ETH', 'SOL', 'kBONK']);
    expect(await client.getMarket('kBONK')).toMatchObject({ tickSize: '0.000001', lotSize: '10' });
    await expect(client.getMarket('KBONK')).rejects.toMatchObject({ code: 'UNKNOWN_MARKET' });

    const prices = await client.getPrices();
    for (const market of markets) {
      const price = prices.find((p) => p.symbol === market.symbol)!;
      expect(new Decimal(price.mark).mod(market.tickSize).isZero()).toBe(true);
    }

    for (const symbol of ['BTC', 'kBONK']) {
      const book = await client.getOrderBook(symbol);
      expectWellFormedBook(book, symbol, markets.find((m) => m.symbol === symbol)!.tickSize);
    }
    const aggregated = await client.getOrderBook('ETH', 10);
    expectWellFormedBook(aggregated, 'ETH', '0.1');

    const trades = await client.getRecentTrades('BTC');
    expect(trades.length).toBeGreaterThan(0);
    expect(trades[0]).toMatchObject({ eventType: 'fulfill_taker', cause: 'normal' });

    const candles = await client.getKlines('BTC', '1m', Date.now() - 5 * 60_000);
    expect(candles.length).toBeGreaterThan(0);
    expect(candles.reduce((sum, c) => sum + c.trades, 0)).toBeGreaterThan(0);
    for (const candle of candles) {
      expect(candle).toMatchObject({ symbol: 'BTC', interval: '1m' });
      expect(new Decimal(candle.high).gte(candle.low)).toBe(true);
    }
  });

  it('reads a new account: funded, flat, no orders', async () => {
    const { client } = newTraderClient(sim);
    expect(await client.getAccount()).toMatchObject({
      balance: '100000.000000',
      positionsCount: 0,
      ordersCount: 0,
    });
    expect((await client.getPositions()).items).toEqual([]);
    const open = await client.getOpenOrders();
    expect(open.items).toEqual([]);
    expect(open.lastOrderId).toBe(sim.exchange.lastOrderId);
    expect(await client.getOrderHistory()).toEqual({ items: [], nextCursor: null, hasMore: false });
  });

  it('rounds price and amount onto the exchange tick and lot (kBONK keeps its case)', async () => {
    const trader = newTraderClient(sim);
    const { client, signer } = trader;
    const bid = await client.createLimitOrder({
      symbol: 'kBONK',
      side: 'bid',
      price: '0.0150009',
      amount: '1234.5',
      tif: 'GTC',
      reduceOnly: false,
    });
    const ask = await client.createLimitOrder({
      symbol: 'kBONK',
      side: 'ask',
      price: '0.0250001',
      amount: '999',
      tif: 'GTC',
      reduceOnly: false,
    });
    const btc = await client.createLimitOrder({
      symbol: 'BTC',
      side: 'bid',
      price: '50000.7',
      amount: '0.012345',
      tif: 'GTC',
      reduceOnly: false,
    });
    const open = new Map((await client.getOpenOrders()).items.map((o) => [o.orderId, o]));
    expect(open.get(bid.orderId)).toMatchObject({
      symbol: 'kBONK',
      price: '0.015000',
      initialAmount: '1230',
    });
    expect(open.get(ask.orderId)).toMatchObject({ price: '0.025001', initialAmount: '990' });
    expect(open.get(btc.orderId)).toMatchObject({ price: '50000', initialAmount: '0.01234' });

    // The same unrounded values sent as they are: the simulator refuses them.
    const raw = await fetch(`${sim.url}/orders/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        signer.sign('create_order', {
          symbol: 'kBONK',
          price: '0.0150009',
          reduce_only: false,
          amount: '1230',
          side: 'bid',
          tif: 'GTC',
        }),
      ),
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: string }).error).toBe(
      'Price 0.0150009 is not a multiple of tick size 0.000001',
    );

    const before = sim.exchange.lastOrderId;
    const belowLot = client.createLimitOrder({
      symbol: 'kBONK',
      side: 'bid',
      price: '0.015',
      amount: '9',
      tif: 'GTC',
      reduceOnly: false,
    });
    await expect(belowLot).rejects.toBeInstanceOf(PacificaOrderError);
    await expect(belowLot).rejects.toMatchObject({ code: 'AMOUNT_BELOW_LOT' });
    await expect(
      client.createMarketOrder({
        symbol: 'kBONK',
        side: 'bid',
        amount: '100',
        reduceOnly: false,
        slippagePercent: '1',
      }),
    ).rejects.toMatchObject({ code: 'NOTIONAL_TOO_SMALL' });
    expect(sim.exchange.lastOrderId).toBe(before);
    expect((await client.getOrderHistory()).items).toHaveLength(3);
  });
});
