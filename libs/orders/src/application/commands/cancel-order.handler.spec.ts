import { randomUUID } from 'node:crypto';

import { OrdersHarness } from '@nexwave/orders/testing';

import type { OrderRequest } from '../../domain/order';
import { OrderCanceledEvent } from '../events/order-canceled.event';
import { ExchangeUnavailableError } from '../ports/exchange.errors';
import { CancelAllOrdersCommand } from './cancel-all-orders.command';
import { CancelOrderCommand } from './cancel-order.command';
import { PlaceOrderCommand } from './place-order.command';

const limit = (symbol: string): OrderRequest => ({
  clientOrderId: randomUUID(),
  strategyId: 'manual',
  symbol,
  side: 'ask',
  amount: '2',
  reduceOnly: false,
  paperTrading: true,
  orderType: 'limit',
  price: '3000',
  tif: 'GTC',
  slippagePercent: null,
});

describe('CancelOrderHandler and CancelAllOrdersHandler', () => {
  let harness: OrdersHarness;

  beforeEach(async () => {
    harness = await OrdersHarness.create();
  });

  afterEach(() => harness.close());

  const place = (order: OrderRequest) => harness.commands.execute(new PlaceOrderCommand(order));
  const cancel = (clientOrderId: string) =>
    harness.commands.execute(new CancelOrderCommand(clientOrderId, 'ops-bob'));

  it('cancels on the exchange by its id, then stores and publishes the cancel', async () => {
    const order = limit('ETH');
    await place(order);

    const canceled = await cancel(order.clientOrderId);

    expect(canceled).toMatchObject({ status: 'canceled', reason: 'canceled by ops-bob' });
    expect(harness.exchange.canceled).toEqual([
      { symbol: 'ETH', clientOrderId: order.clientOrderId, exchangeOrderId: 'ex-1' },
    ]);
    expect(harness.orders.events.at(-1)).toMatchObject({ type: 'canceled', cause: 'request' });
    expect(harness.publishedOf(OrderCanceledEvent)).toHaveLength(1);
  });

  it('refuses a final order without asking the exchange, and an unknown id', async () => {
    const order = limit('ETH');
    await place(order);
    await cancel(order.clientOrderId);

    await expect(cancel(order.clientOrderId)).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    await expect(cancel(randomUUID())).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(harness.exchange.canceled).toHaveLength(1);
  });

  it('keeps the order open when the exchange did not take the cancel', async () => {
    const order = limit('ETH');
    await place(order);
    harness.exchange.failNext(new ExchangeUnavailableError('timeout'));

    await expect(cancel(order.clientOrderId)).rejects.toThrow('timeout');
    expect((await harness.orders.findByClientOrderId(order.clientOrderId))?.status).toBe('open');
  });

  it("cancels all of one market's working orders, leaving unknown ones to reconciliation", async () => {
    const [btc1, btc2, eth] = [limit('BTC'), limit('BTC'), limit('ETH')];
    for (const order of [btc1, btc2, eth]) {
      await place(order);
    }
    const lost = limit('BTC');
    harness.exchange.failNext(new ExchangeUnavailableError('timeout'));
    await place(lost);

    const result = await harness.commands.execute(new CancelAllOrdersCommand('BTC', 'ops-bob'));

    expect([...result.clientOrderIds].sort()).toEqual(
      [btc1.clientOrderId, btc2.clientOrderId].sort(),
    );
    const statuses = await Promise.all(
      [btc1, btc2, eth, lost].map(
        async (o) => (await harness.orders.findByClientOrderId(o.clientOrderId))?.status,
      ),
    );
    expect(statuses).toEqual(['canceled', 'canceled', 'open', 'unknown']);
    expect(harness.exchange.working.map((o) => o.symbol)).toEqual(['ETH']);
  });
});
