import { CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { Order, type OrderRequest } from '../../domain/order';
import { FakeExchange } from '../../testing/fake-exchange';
import {
  InMemoryOrderRepository,
  InMemoryPositionRepository,
} from '../../testing/in-memory-order.repository';
import { ExchangePort, type OrderUpdate } from '../ports/exchange.port';
import { OrderRepository } from '../ports/order.repository.port';
import { PositionRepository } from '../ports/position.repository.port';
import { ApplyOrderUpdateHandler } from './apply-order-update.handler';
import { ORDER_UPDATES_CAUSE, OrderUpdatesListener } from './order-updates.listener';
import { ReconciliationMetrics } from './reconciliation.metrics';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const CLOID = '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
const request: OrderRequest = {
  clientOrderId: CLOID,
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'ask',
  amount: '1',
  reduceOnly: false,
  paperTrading: true,
  orderType: 'limit',
  price: '100',
  tif: 'GTC',
  slippagePercent: null,
};
const fill: OrderUpdate = {
  kind: 'fill',
  fill: {
    fillId: 'f-1',
    exchangeOrderId: 'ex-1',
    clientOrderId: CLOID,
    symbol: 'BTC',
    side: 'ask',
    amount: '0.4',
    price: '100',
    feeUsd: '0',
    liquidity: 'maker',
    at: T0,
  },
};
const canceled: OrderUpdate = {
  kind: 'status',
  exchangeOrderId: 'ex-1',
  clientOrderId: CLOID,
  status: 'canceled',
  reason: 'cancel',
  at: T0,
};

/** Fails the first saves as a concurrent writer would (a stale write). */
class RacingOrderRepository extends InMemoryOrderRepository {
  losses = 0;
  override save(...args: Parameters<InMemoryOrderRepository['save']>): Promise<void> {
    if (this.losses > 0) {
      this.losses--;
      return Promise.reject(new Error('stale write'));
    }
    return super.save(...args);
  }
}

describe('OrderUpdatesListener', () => {
  let moduleRef: TestingModule;
  let exchange: FakeExchange;
  let orders: RacingOrderRepository;

  beforeEach(async () => {
    exchange = new FakeExchange();
    orders = new RacingOrderRepository();
    await orders.add({ ...Order.create(request, T0), position: null });
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ApplyOrderUpdateHandler,
        OrderUpdatesListener,
        { provide: ExchangePort, useValue: exchange },
        { provide: OrderRepository, useValue: orders },
        { provide: PositionRepository, useValue: new InMemoryPositionRepository(orders) },
        { provide: ReconciliationMetrics, useValue: new ReconciliationMetrics() },
        { provide: ORDER_UPDATES_CAUSE, useValue: 'paper' },
      ],
    }).compile();
    await moduleRef.init();
  });

  afterEach(() => moduleRef.close());

  it('applies pushed updates one at a time in the order they came, with the configured cause', async () => {
    exchange.push(fill);
    exchange.push(canceled);
    await moduleRef.get(OrderUpdatesListener).idle();

    expect(orders.events.slice(1).map((e) => [e.type, e.cause])).toEqual([
      ['partially_filled', 'paper'],
      ['canceled', 'paper'],
    ]);
  });

  it('applies an update again after it lost a write race, and gives up after three tries', async () => {
    orders.losses = 2;
    exchange.push(fill);
    await moduleRef.get(OrderUpdatesListener).idle();
    expect((await orders.findByClientOrderId(CLOID))!.status).toBe('partially_filled');

    orders.losses = 3;
    exchange.push(canceled);
    await moduleRef.get(OrderUpdatesListener).idle();
    expect((await orders.findByClientOrderId(CLOID))!.status).toBe('partially_filled');
    expect(orders.losses).toBe(0);
  });

  it('stops listening at shutdown', async () => {
    await moduleRef.close();
    exchange.push(fill);
    expect(orders.events).toHaveLength(1);
  });
});
