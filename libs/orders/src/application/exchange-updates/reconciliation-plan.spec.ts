import { Order, type OrderRequest } from '../../domain/order';
import type { ExchangeFill, ExchangeOrder } from '../ports/exchange.port';
import { planReconciliation, positionDifferences } from './reconciliation-plan';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const GRACE_MS = 30_000;
const later = new Date(T0.getTime() + GRACE_MS);

const request = (clientOrderId: string): OrderRequest => ({
  clientOrderId,
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'bid',
  amount: '2',
  reduceOnly: false,
  paperTrading: false,
  orderType: 'limit',
  price: '100',
  tif: 'GTC',
  slippagePercent: null,
});

function pending(clientOrderId: string): Order {
  return Order.create(request(clientOrderId), T0).order;
}

function opened(clientOrderId: string, exchangeOrderId: string): Order {
  const order = pending(clientOrderId);
  order.open(exchangeOrderId, { cause: 'exchange', at: T0 });
  return order;
}

const working = (clientOrderId: string | null, exchangeOrderId: string): ExchangeOrder => ({
  exchangeOrderId,
  clientOrderId,
  symbol: 'BTC',
  side: 'bid',
  price: '100',
  amount: '2',
  filledAmount: '0',
  reduceOnly: false,
  createdAt: T0,
});

const fill = (fillId: string, clientOrderId: string, amount: string): ExchangeFill => ({
  fillId,
  exchangeOrderId: `ex-${clientOrderId}`,
  clientOrderId,
  symbol: 'BTC',
  side: 'bid',
  amount,
  price: '100',
  feeUsd: '0.02',
  liquidity: 'maker',
  at: T0,
});

/** Each correction as `clientOrderId: kind[:status]`, to read the plan at a glance. */
function summary(plan: ReturnType<typeof planReconciliation>): string[] {
  return plan.corrections.flatMap(({ order, updates }) =>
    updates.map(
      (u) =>
        `${order.clientOrderId}: ${u.kind === 'fill' ? `fill ${u.fill.fillId}` : `${u.status} ${u.exchangeOrderId}`}`,
    ),
  );
}

describe('planReconciliation', () => {
  it('opens a pending or unknown order the exchange is working on, by client order id', () => {
    const lost = pending('a');
    const unknown = pending('b');
    unknown.markUnknown('timeout', { cause: 'exchange', at: T0 });
    const plan = planReconciliation(
      [lost, unknown],
      { openOrders: [working('a', '1'), working('b', '2')], fills: [fill('f-1', 'a', '1')] },
      T0,
      GRACE_MS,
    );
    expect(summary(plan)).toEqual(['a: open 1', 'a: fill f-1', 'b: open 2']);
    expect(plan.foreignOrders).toEqual([]);
  });

  it('applies only the fills not yet applied, and concludes nothing of an order they filled', () => {
    const order = pending('a');
    order.applyFill(fill('f-1', 'a', '1'), 'exchange', 'ex-a');
    const plan = planReconciliation(
      [order],
      {
        openOrders: [],
        fills: [fill('f-1', 'a', '1'), fill('f-2', 'a', '1'), fill('f-9', 'z', '1')],
      },
      later,
      GRACE_MS,
    );
    expect(summary(plan)).toEqual(['a: fill f-2']);
  });

  it('after the grace period: cancels an order the exchange knew and stopped working, rejects one it never had', () => {
    const orders = [opened('a', '1'), pending('b'), pending('c')];
    const fills = [fill('f-1', 'c', '0.5')];
    const young = planReconciliation(orders, { openOrders: [], fills }, T0, GRACE_MS);
    expect(summary(young)).toEqual(['c: fill f-1']);

    const old = planReconciliation(orders, { openOrders: [], fills }, later, GRACE_MS);
    expect(summary(old)).toEqual([
      'a: canceled 1',
      'b: rejected ',
      'c: fill f-1',
      'c: canceled ex-c',
    ]);
  });

  it('reports orders working on the exchange that match none of ours', () => {
    const plan = planReconciliation(
      [opened('a', '1')],
      { openOrders: [working('a', '1'), working(null, '2'), working('x', '3')], fills: [] },
      later,
      GRACE_MS,
    );
    expect(plan.corrections).toEqual([]);
    expect(plan.foreignOrders.map((o) => o.exchangeOrderId)).toEqual(['2', '3']);
  });
});

describe('positionDifferences', () => {
  it('lists the symbols whose sizes differ, flat on one side included', () => {
    const local = (symbol: string, size: string) => ({
      symbol,
      size,
      entryPrice: '1',
      realisedPnlUsd: '0',
      feesUsd: '0',
      updatedAt: T0,
    });
    expect(
      positionDifferences(
        [
          { symbol: 'BTC', size: '1.000', entryPrice: '1' },
          { symbol: 'ETH', size: '-2', entryPrice: '1' },
        ],
        [local('BTC', '1'), local('SOL', '3')],
      ),
    ).toEqual([
      { symbol: 'ETH', exchangeSize: '-2', localSize: '0' },
      { symbol: 'SOL', exchangeSize: '0', localSize: '3' },
    ]);
  });
});
