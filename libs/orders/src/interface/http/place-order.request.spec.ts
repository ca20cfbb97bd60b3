import { isUuid } from '@nexwave/core';

import { OrdersError } from '../../domain/orders.errors';
import { placeOrderRequest, type PlaceOrderInput } from './place-order.request';

const CLIENT_ORDER_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const market: PlaceOrderInput = { symbol: 'BTC', side: 'bid', orderType: 'market', amount: '0.01' };
const limit: PlaceOrderInput = {
  symbol: 'ETH',
  side: 'ask',
  orderType: 'limit',
  amount: '2',
  price: '3500.5',
};

describe('placeOrderRequest', () => {
  it('fills in a market order: a new id, strategy manual, 0.5 % slippage, paper, who asked', () => {
    const request = placeOrderRequest(market, 'api-key:abc');
    expect(request).toEqual({
      clientOrderId: expect.any(String) as unknown,
      strategyId: 'manual',
      symbol: 'BTC',
      side: 'bid',
      orderType: 'market',
      amount: '0.01',
      price: null,
      tif: null,
      slippagePercent: '0.5',
      reduceOnly: false,
      paperTrading: true,
      metadata: { requestedBy: 'api-key:abc' },
    });
    expect(isUuid(request.clientOrderId)).toBe(true);
    expect(placeOrderRequest(market, 'x').clientOrderId).not.toBe(request.clientOrderId);
  });

  it('keeps what the caller gave: its id (idempotency), strategy, TIF, flags and notes', () => {
    expect(
      placeOrderRequest(
        {
          ...limit,
          clientOrderId: CLIENT_ORDER_ID,
          strategyId: 'desk',
          tif: 'IOC',
          reduceOnly: true,
          paperTrading: false,
          metadata: { note: 'hedge', requestedBy: 'spoofed' },
        },
        'api-key:abc',
      ),
    ).toMatchObject({
      clientOrderId: CLIENT_ORDER_ID,
      strategyId: 'desk',
      price: '3500.5',
      tif: 'IOC',
      slippagePercent: null,
      reduceOnly: true,
      paperTrading: false,
      metadata: { note: 'hedge', requestedBy: 'api-key:abc' },
    });
  });

  it('gives a limit order GTC by default', () => {
    expect(placeOrderRequest(limit, 'x')).toMatchObject({ tif: 'GTC', price: '3500.5' });
  });

  it.each<[string, PlaceOrderInput, string]>([
    [
      'a market order with a price',
      { ...market, price: '1' },
      'price: a market order has no price',
    ],
    ['a market order with a TIF', { ...market, tif: 'GTC' }, 'tif: a market order has no time'],
    [
      'a limit order with slippage',
      { ...limit, slippagePercent: '1' },
      'slippagePercent: only a market order',
    ],
    ['a limit order without a price', { ...limit, price: undefined }, 'price: a limit order needs'],
    ['a zero amount', { ...market, amount: '0' }, 'amount: must be greater than zero'],
    ['a zero price', { ...limit, price: '0' }, 'price: must be greater than zero'],
    ['an unknown TIF', { ...limit, tif: 'FOK' }, 'tif:'],
    ['an unknown side', { ...market, side: 'buy' }, 'side:'],
    ['an id that is not a UUID', { ...market, clientOrderId: 'order-1' }, 'clientOrderId:'],
  ])('refuses %s with INVALID_ORDER', (_case, input, rule) => {
    const attempt = () => placeOrderRequest(input, 'x');
    expect(attempt).toThrow(OrdersError);
    expect(attempt).toThrow(rule);
  });
});
