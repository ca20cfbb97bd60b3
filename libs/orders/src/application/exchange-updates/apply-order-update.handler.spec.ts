import { CommandBus, CqrsModule, EventBus, type IEvent } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { Order, type OrderRequest } from '../../domain/order';
import {
  InMemoryOrderRepository,
  InMemoryPositionRepository,
} from '../../testing/in-memory-order.repository';
import { OrderCanceledEvent } from '../events/order-canceled.event';
import { OrderFilledEvent } from '../events/order-filled.event';
import type { OrderUpdate } from '../ports/exchange.port';
import { OrderRepository } from '../ports/order.repository.port';
import { PositionRepository } from '../ports/position.repository.port';
import { ApplyOrderUpdateCommand } from './apply-order-update.command';
import { ApplyOrderUpdateHandler } from './apply-order-update.handler';
import { adoptedRequest, localClientOrderId } from './foreign-orders';
import { ReconciliationMetrics } from './reconciliation.metrics';

const T0 = new Date('2026-01-15T12:00:00.000Z');
const CLOID = '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
const request: OrderRequest = {
  clientOrderId: CLOID,
  strategyId: 'manual',
  symbol: 'ETH',
  side: 'bid',
  amount: '2',
  reduceOnly: false,
  paperTrading: false,
  orderType: 'limit',
  price: '3000',
  tif: 'GTC',
  slippagePercent: null,
};

const fill = (fillId: string, clientOrderId: string | null = CLOID): OrderUpdate => ({
  kind: 'fill',
  fill: {
    fillId,
    exchangeOrderId: '77',
    clientOrderId,
    symbol: 'ETH',
    side: 'bid',
    amount: '0.5',
    price: '3000',
    feeUsd: '0.6',
    liquidity: 'maker',
    at: T0,
  },
});

describe('ApplyOrderUpdateHandler', () => {
  let moduleRef: TestingModule;
  let orders: InMemoryOrderRepository;
  let published: IEvent[];
  let metrics: ReconciliationMetrics;
  const apply = (update: OrderUpdate) =>
    moduleRef.get(CommandBus).execute(new ApplyOrderUpdateCommand(update, 'exchange'));

  beforeEach(async () => {
    orders = new InMemoryOrderRepository();
    metrics = new ReconciliationMetrics();
    const { order, events } = Order.create(request, T0);
    await orders.add({ order, events, position: null });
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ApplyOrderUpdateHandler,
        { provide: OrderRepository, useValue: orders },
        { provide: PositionRepository, useValue: new InMemoryPositionRepository(orders) },
        { provide: ReconciliationMetrics, useValue: metrics },
      ],
    }).compile();
    await moduleRef.init();
    published = [];
    moduleRef.get(EventBus).subscribe((event: IEvent) => published.push(event));
  });

  afterEach(() => moduleRef.close());

  it('applies a fill once: the order, its event and the moved position stored together, then published', async () => {
    expect(await apply(fill('f-1'))).toBe('applied');
    expect(await apply(fill('f-1'))).toBe('unchanged');

    const order = (await orders.findByClientOrderId(CLOID))!;
    expect([order.status, order.filledAmount.toFixed(), order.exchangeOrderId]).toEqual([
      'partially_filled',
      '0.5',
      '77',
    ]);
    expect(orders.events.map((e) => [e.type, e.cause])).toEqual([
      ['accepted', 'request'],
      ['partially_filled', 'exchange'],
    ]);
    expect(orders.positions.get('live:ETH')).toMatchObject({ size: '0.5', feesUsd: '0.6' });
    expect(published).toEqual([expect.any(OrderFilledEvent)]);
  });

  it('applies a cancel with the exchange reason and stores no position', async () => {
    const canceled: OrderUpdate = {
      kind: 'status',
      exchangeOrderId: '77',
      clientOrderId: CLOID,
      status: 'canceled',
      reason: 'post_only_rejected',
      at: T0,
    };
    expect(await apply(canceled)).toBe('applied');
    expect(await apply(canceled)).toBe('unchanged');
    expect((await orders.findByClientOrderId(CLOID))!.snapshot().reason).toBe('post_only_rejected');
    expect(orders.positions.size).toBe(0);
    expect(published).toEqual([expect.any(OrderCanceledEvent)]);
  });

  it('reports an update for an order that is not ours and changes nothing', async () => {
    expect(await apply(fill('f-2', '0f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a9b8'))).toBe('unknown_order');
    expect(await apply(fill('f-3', null))).toBe('unknown_order');
    expect(orders.events).toHaveLength(1);
    expect(published).toEqual([]);
    expect(
      await metrics.registry.getSingleMetricAsString('nexwave_orders_updates_not_ours_total'),
    ).toContain('nexwave_orders_updates_not_ours_total 2');
  });

  it('applies updates to an order reconciliation recorded, found by its exchange order id', async () => {
    const exchangeOrder = {
      exchangeOrderId: '78',
      clientOrderId: 'not-a-uuid',
      symbol: 'ETH',
      side: 'bid' as const,
      price: '3000',
      amount: '2',
      filledAmount: '0',
      reduceOnly: false,
      createdAt: T0,
    };
    const adopted = Order.adopt(adoptedRequest(exchangeOrder, false), '78', T0, null, T0);
    await orders.add({ ...adopted, position: null });
    const id = adopted.order.clientOrderId;
    const update = (clientOrderId: string | null): OrderUpdate => {
      const f = fill(`f-${clientOrderId}`, clientOrderId);
      return f.kind === 'fill' ? { kind: 'fill', fill: { ...f.fill, exchangeOrderId: '78' } } : f;
    };

    expect(id).toBe(localClientOrderId({ clientOrderId: null, exchangeOrderId: '78' }));
    expect(await apply(update(null))).toBe('applied');
    expect(await apply(update('not-a-uuid'))).toBe('applied');
    expect((await orders.findByClientOrderId(id))!.filledAmount.toFixed()).toBe('1');
    expect(orders.positions.get('live:ETH')).toMatchObject({ size: '1' });
  });
});
