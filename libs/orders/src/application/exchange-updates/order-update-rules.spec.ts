import { Order, type OrderRequest } from '../../domain/order';
import type { OrderStatus } from '../../domain/order-status';
import { Position } from '../../domain/position';
import type { ExchangeFill, OrderUpdate } from '../ports/exchange.port';
import { applyOrderUpdate, positionAfter } from './order-update-rules';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const request: OrderRequest = {
  clientOrderId: '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'ask',
  amount: '3',
  reduceOnly: false,
  paperTrading: false,
  orderType: 'limit',
  price: '100',
  tif: 'GTC',
  slippagePercent: null,
};

const fill = (fillId: string, amount: string, price = '100'): OrderUpdate => ({
  kind: 'fill',
  fill: {
    fillId,
    exchangeOrderId: 'ex-9',
    clientOrderId: request.clientOrderId,
    symbol: 'BTC',
    side: 'ask',
    amount,
    price,
    feeUsd: '0.1',
    liquidity: 'maker',
    at: T0,
  } satisfies ExchangeFill,
});

const status = (
  to: 'open' | 'canceled' | 'rejected' | 'expired',
  reason: string | null = null,
): OrderUpdate => ({
  kind: 'status',
  exchangeOrderId: 'ex-9',
  clientOrderId: request.clientOrderId,
  status: to,
  reason,
  at: T0,
});

function orderIn(state: OrderStatus): Order {
  const { order } = Order.create(request, T0);
  const change = { cause: 'exchange' as const, at: T0 };
  if (state === 'open') {
    order.open('ex-9', change);
  } else if (state === 'partially_filled') {
    applyOrderUpdate(order, fill('f-0', '1'), 'exchange');
  } else if (state === 'filled') {
    applyOrderUpdate(order, fill('f-0', '3'), 'exchange');
  } else if (state === 'canceled') {
    order.cancel('requested', change);
  } else if (state === 'unknown') {
    order.markUnknown('timeout', change);
  }
  return order;
}

describe('applyOrderUpdate', () => {
  const rows: [OrderStatus, OrderUpdate, string[]][] = [
    ['pending', status('open'), ['opened']],
    ['unknown', status('open'), ['opened']],
    ['open', status('open'), []],
    ['partially_filled', status('open'), []],
    ['open', status('canceled', 'cancel'), ['canceled']],
    ['partially_filled', status('canceled'), ['canceled']],
    ['filled', status('canceled'), []],
    ['pending', status('rejected', 'margin'), ['rejected']],
    ['open', status('rejected'), []],
    ['open', status('expired'), ['expired']],
    ['pending', fill('f-1', '1'), ['partially_filled']],
    ['partially_filled', fill('f-1', '2'), ['filled']],
    ['partially_filled', fill('f-0', '1'), []],
  ];
  const label = (u: OrderUpdate) =>
    u.kind === 'fill' ? `fill ${u.fill.fillId} of ${u.fill.amount}` : `status ${u.status}`;
  it.each(rows.map(([state, update, types]) => [state, label(update), update, types] as const))(
    'an order %s given %s produces %j',
    (state, _label, update, types) => {
      const events = applyOrderUpdate(orderIn(state), update, 'reconciliation');
      expect(events.map((e) => e.type)).toEqual(types);
      expect(events.every((e) => e.cause === 'reconciliation')).toBe(true);
    },
  );

  it('learns the exchange order id from a fill and keeps the exchange reason of a cancel', () => {
    const order = orderIn('pending');
    applyOrderUpdate(order, fill('f-1', '1'), 'exchange');
    expect(order.exchangeOrderId).toBe('ex-9');
    applyOrderUpdate(order, status('canceled', 'self_trade_prevented'), 'exchange');
    expect(order.snapshot().reason).toBe('self_trade_prevented');
  });

  it('refuses a fill on an order we hold as canceled: the disagreement is not hidden', () => {
    expect(() => applyOrderUpdate(orderIn('canceled'), fill('f-1', '1'), 'exchange')).toThrow(
      /canceled cannot become partially_filled/,
    );
  });
});

describe('positionAfter', () => {
  it('moves the position by every fill the events carry, on the order side', () => {
    const order = orderIn('pending');
    const events = [
      ...applyOrderUpdate(order, status('open'), 'exchange'),
      ...applyOrderUpdate(order, fill('f-1', '1', '100'), 'exchange'),
      ...applyOrderUpdate(order, fill('f-2', '2', '103'), 'exchange'),
    ];
    const position = positionAfter(Position.flat('BTC'), order, events).snapshot();
    expect([position.size, position.entryPrice, position.feesUsd]).toEqual(['-3', '102', '0.2']);
  });
});
