import type { OrderUpdate as PacificaOrderUpdate } from '@nexwave/pacifica';

import { sideOfTrade, toExchangePosition, toStatusUpdate } from './pacifica-exchange.mapping';

const update = (status: PacificaOrderUpdate['status'], event: string): PacificaOrderUpdate => ({
  orderId: 42,
  clientOrderId: '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
  account: 'acct',
  symbol: 'BTC',
  side: 'bid',
  averageFilledPrice: null,
  initialPrice: '100',
  amount: '1',
  filledAmount: '0',
  event,
  status,
  orderType: 'limit',
  stopPrice: null,
  stopParentOrderId: null,
  reduceOnly: false,
  createdAt: 1_000,
  updatedAt: 2_000,
});

describe('Pacifica mapping', () => {
  it.each([
    ['open_long', 'bid'],
    ['close_short', 'bid'],
    ['open_short', 'ask'],
    ['close_long', 'ask'],
  ] as const)('a %s fill is a %s', (trade, side) => {
    expect(sideOfTrade(trade)).toBe(side);
  });

  it('maps open, cancelled and rejected order updates; fills come from the trade stream instead', () => {
    expect(toStatusUpdate(update('open', 'make'))).toEqual({
      kind: 'status',
      exchangeOrderId: '42',
      clientOrderId: '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
      status: 'open',
      reason: null,
      at: new Date(2_000),
    });
    expect(toStatusUpdate(update('cancelled', 'post_only_rejected'))).toMatchObject({
      status: 'canceled',
      reason: 'post_only_rejected',
    });
    expect(toStatusUpdate(update('rejected', 'rejected'))).toMatchObject({ status: 'rejected' });
    expect(toStatusUpdate(update('partially_filled', 'fulfill_limit'))).toBeNull();
    expect(toStatusUpdate(update('filled', 'fulfill_limit'))).toBeNull();
  });

  it('signs a short position', () => {
    const position = {
      symbol: 'ETH',
      amount: '2.5000',
      entryPrice: '3000',
      margin: null,
      funding: null,
      isolated: false,
      createdAt: null,
      updatedAt: null,
    };
    expect(toExchangePosition({ ...position, side: 'ask' }).size).toBe('-2.5');
    expect(toExchangePosition({ ...position, side: 'bid' }).size).toBe('2.5');
  });
});
