import { randomUUID } from 'node:crypto';

import { OrdersHarness } from '@nexwave/orders/testing';

import type { OrderRequest } from '../../domain/order';
import { PlaceOrderCommand } from '../commands/place-order.command';
import { GetOrderQuery } from './get-order.query';
import { GetOrdersQuery } from './get-orders.query';
import { GetPositionsQuery } from './get-positions.query';

const market = (symbol: string): OrderRequest => ({
  clientOrderId: randomUUID(),
  strategyId: 'manual',
  symbol,
  side: 'bid',
  amount: '1',
  reduceOnly: false,
  paperTrading: true,
  orderType: 'market',
  price: null,
  tif: null,
  slippagePercent: '0.5',
});

describe('orders queries', () => {
  let harness: OrdersHarness;

  beforeEach(async () => {
    harness = await OrdersHarness.create();
  });

  afterEach(() => harness.close());

  it('reads one order, pages of orders by filter, and the open positions', async () => {
    const [btc, eth] = [market('BTC'), market('ETH')];
    await harness.commands.execute(new PlaceOrderCommand(btc));
    harness.clock.advance(1_000);
    await harness.commands.execute(new PlaceOrderCommand(eth));

    const one = await harness.queries.execute(new GetOrderQuery(eth.clientOrderId));
    const page = await harness.queries.execute(
      new GetOrdersQuery({ status: 'open' }, { limit: 1, offset: 0 }),
    );

    expect(one).toMatchObject({ status: 'open', request: eth });
    expect([page.total, page.items.map((o) => o.request.clientOrderId)]).toEqual([
      2,
      [eth.clientOrderId],
    ]);
    expect(await harness.queries.execute(new GetPositionsQuery(true))).toEqual([]);
    await expect(harness.queries.execute(new GetOrderQuery(randomUUID()))).rejects.toMatchObject({
      code: 'ORDER_NOT_FOUND',
    });
  });
});
