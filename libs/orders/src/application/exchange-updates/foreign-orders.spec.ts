import { isUuid } from '@nexwave/core';

import type { ExchangeOrder } from '../ports/exchange.port';
import { adoptedRequest, localClientOrderId, unreportedFillGap } from './foreign-orders';

const order: ExchangeOrder = {
  exchangeOrderId: '42',
  clientOrderId: null,
  symbol: 'SOL',
  side: 'bid',
  price: '150.00',
  amount: '3.000',
  filledAmount: '1',
  reduceOnly: false,
  createdAt: new Date('2026-01-15T12:00:00.000Z'),
};

describe('foreign orders', () => {
  it('keeps a uuid client order id and derives the same uuid from the exchange id otherwise', () => {
    const uuid = '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
    const derived = localClientOrderId({ clientOrderId: 'abc', exchangeOrderId: '42' });

    expect(localClientOrderId({ clientOrderId: uuid, exchangeOrderId: '42' })).toBe(uuid);
    expect(isUuid(derived)).toBe(true);
    expect(localClientOrderId({ clientOrderId: null, exchangeOrderId: '42' })).toBe(derived);
    expect(localClientOrderId({ clientOrderId: null, exchangeOrderId: '43' })).not.toBe(derived);
  });

  it('derives a limit GTC request, or a market one without a price, in the deployment mode', () => {
    expect(adoptedRequest(order, true)).toMatchObject({
      strategyId: 'external',
      orderType: 'limit',
      price: '150',
      amount: '3',
      tif: 'GTC',
      paperTrading: true,
    });
    expect(adoptedRequest({ ...order, price: null }, false)).toMatchObject({
      orderType: 'market',
      price: null,
      paperTrading: false,
    });
  });

  it('says how much the exchange counts as filled beyond its reported fills', () => {
    const fill = { exchangeOrderId: '42', amount: '0.4' } as never;
    expect(unreportedFillGap(order, [fill])).toBe(
      'adopted from the exchange with 0.6 filled there without reported fills',
    );
    expect(unreportedFillGap({ ...order, filledAmount: '0.4' }, [fill])).toBeNull();
  });
});
