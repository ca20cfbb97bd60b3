import { randomUUID } from 'node:crypto';

import { Decimal } from '@nexwave/core';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import {
  averagePrice,
  newTraderClient,
  pages,
  sumOf,
  WsRecorder,
  type Trader,
} from './client-harness';

interface OrderView {
  status: string;
  filled: string;
  averagePrice: string | null;
}

/**
 * Places, partly fills and cancels orders with the real client, then rebuilds the account's view
 * from REST (open orders + order history + trade history) and checks it against what the
 * simulator pushed on the account WebSocket streams.
 */
describe('PacificaRestClient + PacificaWsClient <-> pacifica-sim (reconciliation)', () => {
  let sim: PacificaSim;
  let trader: Trader;
  let ws: WsRecorder;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 5, bookIntervalMs: 0 });
    trader = newTraderClient(sim);
    const account = trader.account;
    ws = new WsRecorder({ url: sim.wsUrl }, [
      { source: 'account_order_updates', account },
      { source: 'account_trades', account },
      { source: 'account_positions', account },
    ]);
    await ws.client.connect();
    // account_positions answers its subscription with a snapshot: every stream is now live.
    await ws.waitFor(() => ws.received('account_positions').length > 0, 'positions snapshot');
  });

  afterAll(async () => {
    await ws.close();
    await sim.stop();
  });

  it('REST reconciliation matches the account streams: fills, average prices, statuses', async () => {
    const { client } = trader;
    const btcMark = new Decimal((await client.getPrices()).find((p) => p.symbol === 'BTC')!.mark);
    const partialPrice = btcMark.minus(20);
    const partial = await client.createLimitOrder({
      symbol: 'BTC',
      side: 'bid',
      price: partialPrice.toFixed(),
      amount: '4',
      tif: 'GTC',
      reduceOnly: false,
      clientOrderId: randomUUID(),
    });
    const untouchedCloid = randomUUID();
    const untouched = await client.createLimitOrder({
      symbol: 'BTC',
      side: 'bid',
      price: btcMark.minus(500).toFixed(),
      amount: '0.01',
      tif: 'GTC',
      reduceOnly: false,
      clientOrderId: untouchedCloid,
    });
    const market = await client.createMarketOrder({
      symbol: 'ETH',
      side: 'ask',
      amount: '20',
      reduceOnly: false,
      slippagePercent: '1',
    });
    const resting = await client.createLimitOrder({
      symbol: 'SOL',
      side: 'ask',
      price: '400',
      amount: '1',
      tif: 'GTC',
      reduceOnly: false,
    });

    sim.moveMid('BTC', partialPrice.minus(5).toFixed());
    sim.tick();
    const afterTick = (await client.getOpenOrders()).items.find(
      (o) => o.orderId === partial.orderId,
    )!;
    expect(new Decimal(afterTick.filledAmount).gt(0)).toBe(true);
    expect(new Decimal(afterTick.filledAmount).lt(4)).toBe(true);
    await client.cancelOrder({ symbol: 'BTC', orderId: partial.orderId });
    await client.cancelOrder({ symbol: 'BTC', clientOrderId: untouchedCloid });

    const ids = [partial.orderId, untouched.orderId, market.orderId, resting.orderId];
    const lastUpdate = (orderId: number) =>
      ws
        .received('account_order_updates')
        .flat()
        .filter((u) => u.orderId === orderId)
        .pop();
    await ws.waitFor(
      () => [partial, untouched].every((o) => lastUpdate(o.orderId)?.event === 'cancel'),
      'both cancel events',
    );

    // The client's view, from REST only.
    const open = (await client.getOpenOrders()).items;
    expect(open.map((o) => o.orderId)).toEqual([resting.orderId]);
    const history = await pages((cursor) => client.getOrderHistory({ limit: 2, cursor }));
    const fills = await pages((cursor) => client.getTradeHistory({ limit: 3, cursor }));
    const restView = new Map<number, OrderView>();
    for (const order of history) {
      const own = fills.filter((f) => f.orderId === order.orderId);
      expect(sumOf(own.map((f) => f.amount)).eq(order.filledAmount)).toBe(true);
      expect(order.averageFilledPrice).toBe(own.length ? averagePrice(own) : null);
      restView.set(order.orderId, {
        status: order.orderStatus,
        filled: new Decimal(order.filledAmount).toFixed(),
        averagePrice: order.averageFilledPrice,
      });
    }
    expect([...restView.keys()].sort()).toEqual([...ids].sort());
    expect(ids.map((id) => restView.get(id)!.status)).toEqual([
      'cancelled',
      'cancelled',
      'filled',
      'open',
    ]);
    expect(restView.get(partial.orderId)!.averagePrice).toBe(partialPrice.toFixed());

    // What the simulator pushed: the latest update per order and every fill.
    for (const id of ids) {
      const update = lastUpdate(id)!;
      expect({
        status: update.status,
        filled: new Decimal(update.filledAmount).toFixed(),
        averagePrice: update.averageFilledPrice,
      }).toEqual(restView.get(id));
    }
    const pushedFills = ws.received('account_trades').flat();
    expect(
      pushedFills.map((f) => [f.historyId, f.orderId, f.price, f.amount, f.fee]).sort(),
    ).toEqual(fills.map((f) => [f.historyId, f.orderId, f.price, f.amount, f.fee]).sort());

    const positions = (await client.getPositions()).items;
    const pushedPositions = ws.last('account_positions')!;
    expect(pushedPositions.map((p) => [p.symbol, p.side, p.amount, p.entryPrice]).sort()).toEqual(
      positions.map((p) => [p.symbol, p.side, p.amount, p.entryPrice]).sort(),
    );
    expect(positions.map((p) => [p.symbol, p.side]).sort()).toEqual([
      ['BTC', 'bid'],
      ['ETH', 'ask'],
    ]);
  });
});
