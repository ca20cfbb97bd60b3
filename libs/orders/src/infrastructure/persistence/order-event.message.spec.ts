import { randomUUID } from 'node:crypto';

import { orderEventV1Schema } from '@nexwave/messaging';

import { adoptedRequest } from '../../application/exchange-updates/foreign-orders';
import { Order, type OrderRequest } from '../../domain/order';
import { toOrderEventV1 } from './order-event.message';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const request: OrderRequest = {
  clientOrderId: randomUUID(),
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'ask',
  amount: '3',
  reduceOnly: true,
  paperTrading: false,
  orderType: 'market',
  price: null,
  tif: null,
  slippagePercent: '0.5',
};

describe('toOrderEventV1', () => {
  it('carries the fill, the exact average price and the cause', () => {
    const { order } = Order.create(request, T0);
    order.open('ex-1', { cause: 'exchange', at: T0 });
    const fill = (fillId: string, price: string) => ({
      fillId,
      amount: '1',
      price,
      feeUsd: '0.01',
      liquidity: 'taker' as const,
      at: T0,
    });
    order.applyFill(fill('f-1', '100'), 'exchange');
    const [event] = order.applyFill(fill('f-2', '101'), 'reconciliation');

    expect(orderEventV1Schema.parse(toOrderEventV1(event))).toMatchObject({
      event: 'partially_filled',
      cause: 'reconciliation',
      sequence: 3,
      exchangeOrderId: 'ex-1',
      filledAmount: '2',
      averageFillPrice: '100.5',
      feeUsd: '0.02',
      lastFillAmount: '1',
      lastFillPrice: '101',
      price: null,
      reduceOnly: true,
      paperTrading: false,
      eventAt: '2026-01-15T12:00:00.000Z',
    });
  });

  it('cuts a reason longer than the contract allows, so the event can still be published', () => {
    const { order } = Order.create(request, T0);
    const [event] = order.reject('x'.repeat(600), { cause: 'exchange', at: T0 });

    expect(orderEventV1Schema.parse(toOrderEventV1(event)).reason).toHaveLength(500);
  });

  it('publishes an order recorded from the exchange (strategy external, cause reconciliation)', () => {
    const exchangeOrder = {
      exchangeOrderId: '9001',
      clientOrderId: null,
      symbol: 'BTC',
      side: 'bid' as const,
      price: '99000.0',
      amount: '0.010',
      filledAmount: '0.004',
      reduceOnly: false,
      createdAt: T0,
    };
    const { events } = Order.adopt(
      adoptedRequest(exchangeOrder, false),
      '9001',
      T0,
      'adopted from the exchange with 0.004 filled there without reported fills',
      T0,
    );

    expect(events.map((e) => orderEventV1Schema.parse(toOrderEventV1(e)))).toMatchObject([
      { event: 'accepted', cause: 'reconciliation', strategyId: 'external', exchangeOrderId: null },
      { event: 'opened', cause: 'reconciliation', exchangeOrderId: '9001', price: '99000' },
    ]);
  });
});
