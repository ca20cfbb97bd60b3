import { randomUUID } from 'node:crypto';

import { Decimal } from '@nexwave/core';
import { ExchangeRejectedError, type OrderHistoryItem } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { averagePrice, newTraderClient, pages, sumOf, type Trader } from './client-harness';

/** The real PacificaRestClient against the real simulator over loopback HTTP: the order methods. */
describe('PacificaRestClient <-> pacifica-sim (orders)', () => {
  let sim: PacificaSim;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 7, bookIntervalMs: 0 });
  });

  afterAll(() => sim.stop());

  const mark = async (trader: Trader, symbol: string) =>
    new Decimal((await trader.client.getPrices()).find((p) => p.symbol === symbol)!.mark);

  it('fills a market order: position, fills, taker fees, history and event log', async () => {
    const trader = newTraderClient(sim);
    const { client } = trader;
    const cloid = randomUUID();
    const created = await client.createMarketOrder({
      symbol: 'ETH',
      side: 'bid',
      amount: '12.5',
      reduceOnly: false,
      slippagePercent: '1',
      clientOrderId: cloid,
    });
    expect(created).toMatchObject({ clientOrderId: cloid, recovered: false });

    const positions = await client.getPositions();
    expect(positions.items).toEqual([
      expect.objectContaining({ symbol: 'ETH', side: 'bid', amount: '12.5000' }),
    ]);
    expect(positions.lastOrderId).toBeGreaterThanOrEqual(created.orderId);

    const fills = await pages((cursor) => trader.client.getTradeHistory({ limit: 1, cursor }));
    expect(fills.length).toBeGreaterThan(1); // the cursor was followed
    expect(fills.every((f) => f.orderId === created.orderId && f.clientOrderId === cloid)).toBe(
      true,
    );
    expect(fills.every((f) => f.eventType === 'fulfill_taker' && f.side === 'open_long')).toBe(
      true,
    );
    expect(sumOf(fills.map((f) => f.amount)).toFixed()).toBe('12.5');
    let fees = new Decimal(0);
    for (const fill of fills) {
      const fee = new Decimal(fill.price).mul(fill.amount).mul(sim.exchange.accounts.takerFee);
      expect(fill.fee).toBe(fee.toFixed(6));
      fees = fees.plus(fee);
    }
    expect((await client.getAccount()).balance).toBe(new Decimal(100000).minus(fees).toFixed(6));

    const [order] = (await client.getOrderHistory()).items;
    expect(order).toMatchObject({
      orderId: created.orderId,
      orderType: 'market',
      orderStatus: 'filled',
      filledAmount: '12.5000',
      averageFilledPrice: averagePrice(fills),
    });
    const events = await client.getOrderHistoryById(created.orderId);
    expect(events.map((e) => e.eventType)).toEqual(['fulfill_market']);
  });

  it('rests a limit order, which fills partially and then fully as the market moves', async () => {
    const trader = newTraderClient(sim);
    const { client } = trader;
    const price = (await mark(trader, 'BTC')).minus(20);
    const { orderId } = await client.createLimitOrder({
      symbol: 'BTC',
      side: 'bid',
      price: price.toFixed(),
      amount: '4',
      tif: 'GTC',
      reduceOnly: false,
    });
    expect((await client.getOpenOrders()).items).toEqual([
      expect.objectContaining({ orderId, price: price.toFixed(), filledAmount: '0.00000' }),
    ]);

    const seen = ['open'];
    for (let i = 0; i < 50 && seen[seen.length - 1] !== 'filled'; i++) {
      sim.moveMid('BTC', price.minus(5).toFixed());
      sim.tick();
      const [latest] = (await client.getOrderHistory({ limit: 1 })).items;
      if (seen[seen.length - 1] !== latest.orderStatus) {
        seen.push(latest.orderStatus);
      }
    }
    expect(seen).toEqual(['open', 'partially_filled', 'filled']);
    expect((await client.getOpenOrders()).items).toEqual([]);
    const fills = await pages((cursor) => trader.client.getTradeHistory({ cursor }));
    expect(fills.every((f) => f.price === price.toFixed() && f.eventType === 'fulfill_maker')).toBe(
      true,
    );
    expect(sumOf(fills.map((f) => f.amount)).toFixed()).toBe('4');
    const events = (await client.getOrderHistoryById(orderId)).map((e) => e.eventType);
    expect(events[events.length - 1]).toBe('make');
    expect(events.slice(0, -1).every((e) => e === 'fulfill_limit')).toBe(true);
  });

  it('IOC fills the top level and cancels the rest; crossing ALO is rejected, TOB steps back', async () => {
    const { client } = newTraderClient(sim);
    const book = await client.getOrderBook('ETH');
    const [bestAsk] = book.asks;
    const ioc = await client.createLimitOrder({
      symbol: 'ETH',
      side: 'bid',
      price: bestAsk.price,
      amount: new Decimal(bestAsk.amount).plus('0.5').toFixed(),
      tif: 'IOC',
      reduceOnly: false,
    });
    const [iocOrder] = (await client.getOrderHistory()).items;
    expect(iocOrder).toMatchObject({
      orderId: ioc.orderId,
      orderStatus: 'cancelled',
      filledAmount: bestAsk.amount,
      averageFilledPrice: new Decimal(bestAsk.price).toFixed(),
    });

    const [bestBid] = (await client.getOrderBook('ETH')).bids;
    const alo = client.createLimitOrder({
      symbol: 'ETH',
      side: 'ask',
      price: bestBid.price,
      amount: '1',
      tif: 'ALO',
      reduceOnly: false,
    });
    await expect(alo).rejects.toBeInstanceOf(ExchangeRejectedError);
    await expect(alo).rejects.toMatchObject({
      status: 422,
      message: 'Order rejected: post_only_rejected',
    });
    const [rejected] = (await client.getOrderHistory()).items;
    expect(rejected).toMatchObject({ orderStatus: 'rejected', reason: 'post_only_rejected' });

    // TOB: a crossing post-only bid is placed one tick behind the best ask instead.
    const [bestAskNow] = (await client.getOrderBook('ETH')).asks;
    const tob = await client.createLimitOrder({
      symbol: 'ETH',
      side: 'bid',
      price: new Decimal(bestAskNow.price).plus(5).toFixed(),
      amount: '1',
      tif: 'TOB',
      reduceOnly: false,
    });
    expect((await client.getOpenOrders()).items).toEqual([
      expect.objectContaining({
        orderId: tob.orderId,
        price: new Decimal(bestAskNow.price).minus('0.1').toFixed(1),
        filledAmount: '0.0000',
      }),
    ]);
  });

  it('places a stop order that triggers a market order when the mark crosses it', async () => {
    const trader = newTraderClient(sim);
    const { client } = trader;
    const stopPrice = (await mark(trader, 'BTC')).plus(50);
    const cloid = randomUUID();
    const stop = await client.createStopOrder({
      symbol: 'BTC',
      side: 'bid',
      reduceOnly: false,
      stopPrice: stopPrice.toFixed(),
      amount: '0.01',
      clientOrderId: cloid,
    });
    expect((await client.getOpenOrders()).items).toEqual([
      expect.objectContaining({
        orderId: stop.orderId,
        clientOrderId: cloid,
        orderType: 'stop_market',
        stopPrice: stopPrice.toFixed(),
      }),
    ]);
    expect((await client.getAccount()).stopOrdersCount).toBe(1);

    sim.moveMid('BTC', stopPrice.plus(10).toFixed());
    sim.tick();
    expect((await client.getOpenOrders()).items).toEqual([]);
    expect((await client.getPositions()).items).toEqual([
      expect.objectContaining({ symbol: 'BTC', side: 'bid', amount: '0.01000' }),
    ]);
    const [child] = (await client.getOrderHistory()).items;
    expect(child).toMatchObject({
      orderType: 'market',
      orderStatus: 'filled',
      stopParentOrderId: stop.orderId,
    });
    expect((await client.getOrderHistoryById(stop.orderId))[0].eventType).toBe('stop_triggered');
  });

  it('sets a position TP/SL pair, then cancels orders by id, by client id and all at once', async () => {
    const trader = newTraderClient(sim);
    const { client } = trader;
    await client.createMarketOrder({
      symbol: 'SOL',
      side: 'bid',
      amount: '10',
      reduceOnly: false,
      slippagePercent: '1',
    });
    const solMark = await mark(trader, 'SOL');
    await client.setPositionTpsl({
      symbol: 'SOL',
      side: 'ask',
      takeProfit: { stopPrice: solMark.mul('1.05').toFixed() },
      stopLoss: { stopPrice: solMark.mul('0.95').toFixed() },
    });
    const tpsl = (await client.getOpenOrders()).items;
    expect(tpsl.map((o) => [o.orderType, o.side, o.reduceOnly, o.initialAmount]).sort()).toEqual([
      ['stop_loss_market', 'ask', true, '10.00'],
      ['take_profit_market', 'ask', true, '10.00'],
    ]);

    const cloids = [randomUUID(), randomUUID(), randomUUID()];
    const resting = [];
    for (const cloid of cloids) {
      resting.push(
        await client.createLimitOrder({
          symbol: 'SOL',
          side: 'bid',
          price: solMark.mul('0.9').toFixed(2),
          amount: '1',
          tif: 'GTC',
          reduceOnly: false,
          clientOrderId: cloid,
        }),
      );
    }
    await client.createLimitOrder({
      symbol: 'kBONK',
      side: 'bid',
      price: '0.015',
      amount: '1000',
      tif: 'GTC',
      reduceOnly: false,
    });

    await client.cancelOrder({ symbol: 'SOL', orderId: resting[0].orderId });
    await client.cancelOrder({ symbol: 'SOL', clientOrderId: cloids[1] });
    await expect(
      client.cancelOrder({ symbol: 'SOL', orderId: resting[0].orderId }),
    ).rejects.toMatchObject({ status: 422, message: 'Order not found', isOrderNotFound: true });
    const openIds = (await client.getOpenOrders()).items.map((o) => o.orderId);
    expect(openIds).toContain(resting[2].orderId);
    expect(openIds).not.toContain(resting[0].orderId);
    expect(openIds).not.toContain(resting[1].orderId);

    // SOL: the last resting order and the TP/SL pair (cancel-all takes stop orders too).
    expect(await client.cancelAllOrders({ symbol: 'SOL' })).toEqual({ cancelledCount: 3 });
    expect((await client.getOpenOrders()).items.map((o) => o.symbol)).toEqual(['kBONK']);
    expect(await client.cancelAllOrders({ allSymbols: true })).toEqual({ cancelledCount: 1 });
    expect((await client.getOpenOrders()).items).toEqual([]);
    const history = (await client.getOrderHistory()).items;
    const cancelled = history.filter((o) => o.orderStatus === 'cancelled');
    expect(cancelled).toHaveLength(6);
    expect(cancelled.every((o) => o.reason === 'cancel')).toBe(true);
  });

  it('pages the order history with cursors, newest first', async () => {
    const { client } = newTraderClient(sim);
    const placed: number[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await client.createLimitOrder({
        symbol: 'SOL',
        side: 'bid',
        price: '100',
        amount: '1',
        tif: 'GTC',
        reduceOnly: false,
      });
      placed.push(created.orderId);
    }
    const collected: OrderHistoryItem[][] = [];
    let cursor: string | undefined;
    do {
      const page = await client.getOrderHistory({ limit: 2, cursor });
      collected.push(page.items);
      cursor = page.hasMore ? page.nextCursor! : undefined;
    } while (cursor);
    expect(collected.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(collected.flat().map((o) => o.orderId)).toEqual([...placed].reverse());
  });
});
