import { CommandBus, CqrsModule, EventBus, type IEvent } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { Order, type OrderRequest } from '../../domain/order';
import { FakeExchange } from '../../testing/fake-exchange';
import {
  InMemoryOrderRepository,
  InMemoryPositionRepository,
} from '../../testing/in-memory-order.repository';
import { OrderFilledEvent } from '../events/order-filled.event';
import { OrderOpenedEvent } from '../events/order-opened.event';
import { OrderStillUnknownEvent } from '../exchange-updates/order-still-unknown.event';
import { ReconciliationMetrics } from '../exchange-updates/reconciliation.metrics';
import { RECONCILIATION_OPTIONS } from '../exchange-updates/reconciliation.options';
import { ExchangeUnavailableError } from '../ports/exchange.errors';
import { ExchangePort } from '../ports/exchange.port';
import { OrderRepository, StaleOrderWriteError } from '../ports/order.repository.port';
import { OrdersClockPort } from '../ports/orders-clock.port';
import { PositionRepository } from '../ports/position.repository.port';
import { ReconcileOrdersCommand } from './reconcile-orders.command';
import { ReconcileOrdersHandler } from './reconcile-orders.handler';

const T0 = new Date('2026-01-15T12:00:00.000Z');

const request = (clientOrderId: string): OrderRequest => ({
  clientOrderId,
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'bid',
  amount: '1',
  reduceOnly: false,
  paperTrading: false,
  orderType: 'market',
  price: null,
  tif: null,
  slippagePercent: '0.5',
});

/** Readable names for the client order ids (UUIDs, as the contract requires). */
const C = Object.fromEntries(
  ['lost', 'unknown', 'overfilled', 'open', 'live', 'paper', 'raced'].map((name, i) => [
    name,
    `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  ]),
) as Record<'lost' | 'unknown' | 'overfilled' | 'open' | 'live' | 'paper' | 'raced', string>;

describe('ReconcileOrdersHandler', () => {
  let moduleRef: TestingModule;
  let exchange: FakeExchange;
  let orders: InMemoryOrderRepository;
  let metrics: ReconciliationMetrics;
  let published: IEvent[];
  let now: Date;
  const reconcile = () => moduleRef.get(CommandBus).execute(new ReconcileOrdersCommand('admin'));

  beforeEach(async () => {
    exchange = new FakeExchange();
    orders = new InMemoryOrderRepository();
    metrics = new ReconciliationMetrics();
    now = T0;
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ReconcileOrdersHandler,
        { provide: ExchangePort, useValue: exchange },
        { provide: OrderRepository, useValue: orders },
        { provide: PositionRepository, useValue: new InMemoryPositionRepository(orders) },
        { provide: OrdersClockPort, useValue: { now: () => now } },
        { provide: ReconciliationMetrics, useValue: metrics },
        {
          provide: RECONCILIATION_OPTIONS,
          useValue: { intervalMs: 60_000, gracePeriodMs: 30_000, paperTrading: false },
        },
      ],
    }).compile();
    await moduleRef.init();
    published = [];
    moduleRef.get(EventBus).subscribe((event: IEvent) => published.push(event));
  });

  afterEach(() => moduleRef.close());

  async function store(
    clientOrderId: string,
    then?: (order: Order) => unknown,
    paperTrading = false,
  ): Promise<void> {
    const { order, events } = Order.create({ ...request(clientOrderId), paperTrading }, T0);
    then?.(order);
    await orders.add({ order, events, position: null });
  }

  it('stores and publishes each correction with its position, and reports what it found', async () => {
    await store(C.lost);
    await store(C.unknown, (o) => o.markUnknown('timeout', { cause: 'exchange', at: T0 }));
    await exchange.place(request(C.lost));
    exchange.fills = [
      {
        fillId: 'f-1',
        exchangeOrderId: 'ex-1',
        clientOrderId: C.lost,
        symbol: 'BTC',
        side: 'bid',
        amount: '0.25',
        price: '100',
        feeUsd: '0.01',
        liquidity: 'taker',
        at: T0,
      },
    ];
    exchange.positionList = [{ symbol: 'BTC', size: '0.25', entryPrice: '100' }];

    const report = await reconcile();

    expect(report).toEqual({
      checkedAt: T0,
      fillsApplied: 1,
      ordersCorrected: [C.lost],
      adoptedOrders: [],
      unknownOrders: [C.unknown],
      foreignOrders: [],
      positionDifferences: [],
    });
    expect(orders.events.slice(2).map((e) => [e.clientOrderId, e.type, e.cause])).toEqual([
      [C.lost, 'opened', 'reconciliation'],
      [C.lost, 'partially_filled', 'reconciliation'],
    ]);
    expect(orders.positions.get('live:BTC')).toMatchObject({ size: '0.25' });
    expect(published).toEqual([
      expect.any(OrderOpenedEvent),
      expect.any(OrderFilledEvent),
      expect.any(OrderStillUnknownEvent),
    ]);
    expect(await metrics.registry.getSingleMetricAsString('nexwave_orders_unknown')).toContain(
      'nexwave_orders_unknown 1',
    );
  });

  it('records an order working on the account that is not ours, applies only its reported fills, once', async () => {
    const external = 'ffffffff-0000-4000-8000-000000000009';
    exchange.working = [
      {
        exchangeOrderId: 'ex-9',
        clientOrderId: null,
        symbol: 'BTC',
        side: 'ask',
        price: '105',
        amount: '2',
        filledAmount: '0.5',
        reduceOnly: true,
        createdAt: new Date(T0.getTime() - 120_000),
      },
      {
        exchangeOrderId: 'ex-10',
        clientOrderId: external,
        symbol: 'ETH',
        side: 'bid',
        price: null,
        amount: '1',
        filledAmount: '0',
        reduceOnly: false,
        createdAt: T0,
      },
    ];
    exchange.fills = [
      {
        fillId: 'f-9',
        exchangeOrderId: 'ex-9',
        clientOrderId: null,
        symbol: 'BTC',
        side: 'ask',
        amount: '0.2',
        price: '105',
        feeUsd: '0.01',
        liquidity: 'maker',
        at: new Date(T0.getTime() - 60_000),
      },
    ];

    const first = await reconcile();

    const [btc, eth] = first.adoptedOrders;
    expect(first).toMatchObject({ fillsApplied: 1, ordersCorrected: [btc], foreignOrders: [] });
    expect(eth).toBe(external);
    expect((await orders.findByClientOrderId(btc))!.snapshot()).toMatchObject({
      request: {
        strategyId: 'external',
        side: 'ask',
        orderType: 'limit',
        price: '105',
        tif: 'GTC',
        amount: '2',
        reduceOnly: true,
        paperTrading: false,
      },
      status: 'partially_filled',
      exchangeOrderId: 'ex-9',
      filledAmount: '0.2',
      reason: 'adopted from the exchange with 0.3 filled there without reported fills',
    });
    expect((await orders.findByClientOrderId(eth))!.request).toMatchObject({
      orderType: 'market',
      price: null,
    });
    expect(orders.events.map((e) => [e.type, e.cause])).toEqual([
      ['accepted', 'reconciliation'],
      ['opened', 'reconciliation'],
      ['accepted', 'reconciliation'],
      ['opened', 'reconciliation'],
      ['partially_filled', 'reconciliation'],
    ]);
    expect(orders.positions.get('live:BTC')).toMatchObject({ size: '-0.2' });
    expect(published.filter((e) => e instanceof OrderOpenedEvent)).toHaveLength(2);

    const second = await reconcile();

    expect(second).toMatchObject({ adoptedOrders: [], ordersCorrected: [], foreignOrders: [] });
    expect(orders.events).toHaveLength(5);
    expect((await orders.list({ strategyId: 'external' }, { limit: 10, offset: 0 })).total).toBe(2);
  });

  it('reports a foreign order it cannot record: its id is taken by an order already settled here', async () => {
    await store(C.lost, (o) => o.reject('refused', { cause: 'exchange', at: T0 }));
    exchange.working = [
      {
        exchangeOrderId: 'ex-11',
        clientOrderId: C.lost,
        symbol: 'BTC',
        side: 'bid',
        price: '99',
        amount: '1',
        filledAmount: '0',
        reduceOnly: false,
        createdAt: T0,
      },
    ];

    const report = await reconcile();

    expect(report).toMatchObject({ adoptedOrders: [], foreignOrders: ['ex-11'] });
    expect(await metrics.registry.getSingleMetricAsString('nexwave_orders_foreign')).toContain(
      'nexwave_orders_foreign 1',
    );
  });

  it('leaves an order the exchange contradicts (more filled than ordered) as it is and corrects the others', async () => {
    await store(C.overfilled, (o) => o.open('ex-6', { cause: 'exchange', at: T0 }));
    await store(C.open, (o) => o.open('ex-7', { cause: 'exchange', at: T0 }));
    exchange.fills = [
      [C.overfilled, 'ex-6', '2'],
      [C.open, 'ex-7', '1'],
    ].map(([clientOrderId, exchangeOrderId, amount]) => ({
      fillId: `f-${clientOrderId}`,
      exchangeOrderId,
      clientOrderId,
      symbol: 'BTC',
      side: 'bid' as const,
      amount,
      price: '100',
      feeUsd: '0',
      liquidity: 'maker' as const,
      at: T0,
    }));

    const report = await reconcile();

    expect(report.ordersCorrected).toEqual([C.open]);
    expect((await orders.findByClientOrderId(C.open))!.status).toBe('filled');
    expect((await orders.findByClientOrderId(C.overfilled))!.status).toBe('open');
  });

  it('settles only the orders of its own mode, after the grace period', async () => {
    await store(C.live);
    await store(C.paper, undefined, true);
    now = new Date(T0.getTime() + 30_000);

    const report = await reconcile();

    expect(report.ordersCorrected).toEqual([C.live]);
    expect((await orders.findByClientOrderId(C.live))!.status).toBe('rejected');
    expect((await orders.findByClientOrderId(C.paper))!.status).toBe('pending');
  });

  it('leaves an order whose write lost a race to the next pass and corrects the others', async () => {
    await store(C.raced);
    await store(C.lost);
    now = new Date(T0.getTime() + 30_000);
    const save = orders.save.bind(orders);
    jest
      .spyOn(orders, 'save')
      .mockImplementation((change) =>
        change.order.clientOrderId === C.raced
          ? Promise.reject(new StaleOrderWriteError(C.raced, 1, 1))
          : save(change),
      );

    const report = await reconcile();

    expect(report.ordersCorrected).toEqual([C.lost]);
    expect((await orders.findByClientOrderId(C.raced))!.status).toBe('pending');
  });

  it('fails the pass when the exchange does not answer, changing nothing', async () => {
    await store(C.lost);
    exchange.failNext(new ExchangeUnavailableError('HTTP 503'));
    await expect(reconcile()).rejects.toBeInstanceOf(ExchangeUnavailableError);
    expect(orders.events).toHaveLength(1);
    expect(
      await metrics.registry.getSingleMetricAsString('nexwave_orders_reconciliations_total'),
    ).toContain('outcome="failed"} 1');
  });
});
