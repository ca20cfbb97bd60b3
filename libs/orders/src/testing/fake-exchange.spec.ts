import { ExchangeUnavailableError } from '../application/ports/exchange.errors';
import type { OrderUpdate } from '../application/ports/exchange.port';
import type { OrderRequest } from '../domain/order';
import { FakeExchange } from './fake-exchange';

const request: OrderRequest = {
  clientOrderId: 'o-1',
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'bid',
  amount: '1',
  reduceOnly: false,
  paperTrading: false,
  orderType: 'limit',
  price: '100',
  tif: 'GTC',
  slippagePercent: null,
};

describe('FakeExchange', () => {
  it('fails the queued calls, then acknowledges and keeps the order working', async () => {
    const exchange = new FakeExchange();
    exchange.failNext(new ExchangeUnavailableError('HTTP 503'));

    await expect(exchange.place(request)).rejects.toBeInstanceOf(ExchangeUnavailableError);
    expect(await exchange.place(request)).toEqual({ exchangeOrderId: 'ex-1' });
    expect((await exchange.openOrders()).map((o) => o.clientOrderId)).toEqual(['o-1']);
    expect(await exchange.cancelAll('ETH')).toBe(0);
    expect(await exchange.cancelAll(null)).toBe(1);
  });

  it('pushes updates to subscribers until they close', async () => {
    const exchange = new FakeExchange();
    const received: OrderUpdate[] = [];
    const subscription = await exchange.subscribe((update) => received.push(update));
    const update: OrderUpdate = {
      kind: 'status',
      exchangeOrderId: 'ex-1',
      clientOrderId: 'o-1',
      status: 'canceled',
      reason: null,
      at: new Date(0),
    };
    exchange.push(update);
    await subscription.close();
    exchange.push(update);

    expect(received).toEqual([update]);
  });
});
