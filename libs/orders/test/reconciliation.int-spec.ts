import { CommandBus, CqrsModule, EventBus, type IEvent } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';

import { createDataSource } from '@nexwave/database';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { OutboxWriter, Topics } from '@nexwave/messaging';
import {
  ExchangePort,
  Order,
  OrderRepository,
  OrdersClockPort,
  OrderStillUnknownEvent,
  PacificaExchangeAdapter,
  PositionRepository,
  RECONCILIATION_OPTIONS,
  type OrderRequest,
  type ReconciliationOptions,
} from '@nexwave/orders';
import { InMemoryOrderRepository, InMemoryPositionRepository } from '@nexwave/orders/testing';
import {
  PacificaRestClient,
  PacificaWsClient,
  RequestSigner,
  SolanaKeypair,
} from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { ReconcileOrdersHandler } from '../src/application/commands/reconcile-orders.handler';
import { ReconciliationMetrics } from '../src/application/exchange-updates/reconciliation.metrics';
import { OrderEntity } from '../src/infrastructure/persistence/order.entity';
import { ORDERS_ENTITIES } from '../src/infrastructure/persistence/orders.entities';
import { PositionEntity } from '../src/infrastructure/persistence/position.entity';
import { TypeOrmOrderRepository } from '../src/infrastructure/persistence/typeorm-order.repository';
import { TypeOrmPositionRepository } from '../src/infrastructure/persistence/typeorm-position.repository';
import { ReconciliationScheduler } from '../src/infrastructure/reconciliation.scheduler';
import { limit, market } from './live-order-requests';

const GRACE_MS = 30_000;

/** Time for the orders context, moved forward by the test to pass the grace period. */
class TestClock extends OrdersClockPort {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** One "process": an adapter of its own over the account, the handler and the scheduler. */
interface Process {
  moduleRef: TestingModule;
  adapter: PacificaExchangeAdapter;
  scheduler: ReconciliationScheduler;
  metrics: ReconciliationMetrics;
  published: IEvent[];
}

/**
 * Reconciliation against the Pacifica simulator over real HTTP: orders left pending or unknown by
 * a crash are settled from what the exchange says, never by sending them again.
 */
describe('Reconciliation <-> pacifica-sim', () => {
  let sim: PacificaSim;
  let keypair: SolanaKeypair;
  let clock: TestClock;
  const processes: Process[] = [];

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 31, bookIntervalMs: 0 });
  });

  beforeEach(() => {
    keypair = SolanaKeypair.generate();
    clock = new TestClock();
  });

  afterEach(async () => {
    sim.clearFaults();
    await Promise.all(
      processes.splice(0).map(async (p) => {
        await p.moduleRef.close();
        await p.adapter.close();
      }),
    );
  });

  afterAll(() => sim.stop());

  function newAdapter(): { adapter: PacificaExchangeAdapter; rest: PacificaRestClient } {
    const signer = new RequestSigner(keypair, { expiryWindowMs: 200 });
    const rest = new PacificaRestClient({
      baseUrl: sim.url,
      signer,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
    });
    const ws = new PacificaWsClient({ url: sim.wsUrl, bookStaleAfterMs: 0 });
    return { adapter: new PacificaExchangeAdapter(rest, ws, signer.account), rest };
  }

  async function start(orders: OrderRepository, positions: PositionRepository): Promise<Process> {
    const { adapter } = newAdapter();
    const metrics = new ReconciliationMetrics();
    const options: ReconciliationOptions = {
      intervalMs: 60_000,
      gracePeriodMs: GRACE_MS,
      paperTrading: false,
    };
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        ReconcileOrdersHandler,
        { provide: ExchangePort, useValue: adapter },
        { provide: OrderRepository, useValue: orders },
        { provide: PositionRepository, useValue: positions },
        { provide: OrdersClockPort, useValue: clock },
        { provide: ReconciliationMetrics, useValue: metrics },
        { provide: RECONCILIATION_OPTIONS, useValue: options },
      ],
    }).compile();
    await moduleRef.init();
    const published: IEvent[] = [];
    moduleRef.get(EventBus).subscribe((event: IEvent) => published.push(event));
    const scheduler = new ReconciliationScheduler(moduleRef.get(CommandBus), options);
    const process = { moduleRef, adapter, scheduler, metrics, published };
    processes.push(process);
    return process;
  }

  /** What a crashed process left in its database: the stored orders, read by a new repository. */
  async function afterCrash(before: InMemoryOrderRepository): Promise<InMemoryOrderRepository> {
    const restarted = new InMemoryOrderRepository();
    const page = await before.list({}, { limit: 100, offset: 0 });
    for (const snapshot of page.items) {
      await restarted.add({ order: Order.restore(snapshot), events: [], position: null });
    }
    return restarted;
  }

  async function storePending(orders: OrderRepository, request: OrderRequest): Promise<void> {
    await orders.add({ ...Order.create(request, clock.now()), position: null });
  }

  /** The exchange ids of every order (open or past) the exchange holds under this client order id. */
  async function ordersOnExchange(rest: PacificaRestClient, clientOrderId: string) {
    const [open, history] = await Promise.all([rest.getOpenOrders(), rest.getOrderHistory()]);
    const ids = [...open.items, ...history.items]
      .filter((o) => o.clientOrderId === clientOrderId)
      .map((o) => String(o.orderId));
    return [...new Set(ids)];
  }

  it('THE crash test: stored pending, sent, crashed before the ack was stored; reconciliation opens and fills it, nothing is sent twice', async () => {
    const crashed = new InMemoryOrderRepository();
    const { adapter: first, rest } = newAdapter();
    const mark = (await rest.getPrices()).find((p) => p.symbol === 'BTC')!.mark;
    const resting = limit('BTC', 'bid', (Number(mark) - 300).toFixed(0), '0.01');
    const filled = market('ETH', 'ask', '1');
    for (const request of [resting, filled]) {
      await storePending(crashed, request);
      await first.place(request);
    }
    await first.close();

    const orders = await afterCrash(crashed);
    const process = await start(orders, new InMemoryPositionRepository(orders));
    const report = await process.scheduler.runOnce();

    expect([...report.ordersCorrected].sort()).toEqual(
      [resting.clientOrderId, filled.clientOrderId].sort(),
    );
    expect(report).toMatchObject({
      unknownOrders: [],
      foreignOrders: [],
      positionDifferences: [],
    });
    expect(report.fillsApplied).toBeGreaterThan(0);
    const opened = (await orders.findByClientOrderId(resting.clientOrderId))!;
    expect([opened.status, opened.exchangeOrderId]).toEqual([
      'open',
      (await ordersOnExchange(rest, resting.clientOrderId))[0],
    ]);
    const done = (await orders.findByClientOrderId(filled.clientOrderId))!;
    expect(done.status).toBe('filled');
    expect(done.filledAmount.toFixed()).toBe('1');
    expect((await new InMemoryPositionRepository(orders).find('ETH', false)).size.toFixed()).toBe(
      '-1',
    );
    const eventsOf = (clientOrderId: string) =>
      orders.events.filter((e) => e.clientOrderId === clientOrderId);
    expect(orders.events.every((e) => e.cause === 'reconciliation')).toBe(true);
    expect(eventsOf(resting.clientOrderId).map((e) => e.type)).toEqual(['opened']);
    expect(eventsOf(filled.clientOrderId).at(-1)!.type).toBe('filled');
    expect(report.fillsApplied).toBe(eventsOf(filled.clientOrderId).length);
    expect(process.published).toHaveLength(orders.events.length);

    for (const request of [resting, filled]) {
      expect(await ordersOnExchange(rest, request.clientOrderId)).toHaveLength(1);
    }
    const again = await process.scheduler.runOnce();
    expect([again.fillsApplied, again.ordersCorrected]).toEqual([0, []]);
  });

  it('an unknown order (answer and lookup lost) stays unknown while the exchange does not answer, then is opened once it does', async () => {
    const orders = new InMemoryOrderRepository();
    const process = await start(orders, new InMemoryPositionRepository(orders));
    const { rest } = newAdapter();
    const mark = (await rest.getPrices()).find((p) => p.symbol === 'SOL')!.mark;
    const request = limit('SOL', 'ask', (Number(mark) + 20).toFixed(0), '1');
    await storePending(orders, request);
    sim.addFault({ mode: 'error', path: '/orders', afterApply: true });
    await expect(process.adapter.place(request)).rejects.toThrow(/503/);
    const order = (await orders.findByClientOrderId(request.clientOrderId))!;
    const events = order.markUnknown('no answer from the exchange', {
      cause: 'exchange',
      at: clock.now(),
    });
    await orders.save({ order, events, position: null });

    await expect(process.scheduler.runOnce()).rejects.toThrow(/503/);
    sim.clearFaults();
    sim.addFault({ mode: 'error', path: '/trades/history' });
    await expect(process.scheduler.runOnce()).rejects.toThrow(/503/);
    expect((await orders.findByClientOrderId(request.clientOrderId))!.status).toBe('unknown');

    sim.clearFaults();
    const report = await process.scheduler.runOnce();
    expect(report.unknownOrders).toEqual([]);
    const settled = (await orders.findByClientOrderId(request.clientOrderId))!;
    expect([settled.status, orders.events.at(-1)!.cause]).toEqual(['open', 'reconciliation']);
    expect(await ordersOnExchange(rest, request.clientOrderId)).toHaveLength(1);
  });

  it('alerts an unknown order the exchange does not have yet, rejects it after the grace period', async () => {
    const orders = new InMemoryOrderRepository();
    const process = await start(orders, new InMemoryPositionRepository(orders));
    const request = market('BTC', 'bid', '0.01');
    await storePending(orders, request);
    const order = (await orders.findByClientOrderId(request.clientOrderId))!;
    await orders.save({
      order,
      events: order.markUnknown('timeout', { cause: 'exchange', at: clock.now() }),
      position: null,
    });

    const early = await process.scheduler.runOnce();
    expect(early.unknownOrders).toEqual([request.clientOrderId]);
    expect(
      (await process.metrics.registry.getSingleMetricAsString('nexwave_orders_unknown')).split(
        '\n',
      ),
    ).toContain('nexwave_orders_unknown 1');
    expect(process.published).toEqual([expect.any(OrderStillUnknownEvent)]);

    clock.offsetMs = GRACE_MS;
    const late = await process.scheduler.runOnce();
    expect([late.unknownOrders, late.ordersCorrected]).toEqual([[], [request.clientOrderId]]);
    const rejected = (await orders.findByClientOrderId(request.clientOrderId))!.snapshot();
    expect([rejected.status, rejected.reason]).toEqual([
      'rejected',
      'not found on the exchange 30 s after it was placed',
    ]);
  });

  it('applies a cancel it missed, leaves a young order alone, records an order that is not ours (once) and applies its later fill, reports the position it moved', async () => {
    const orders = new InMemoryOrderRepository();
    const process = await start(orders, new InMemoryPositionRepository(orders));
    const { rest } = newAdapter();
    const mark = Number((await rest.getPrices()).find((p) => p.symbol === 'BTC')!.mark);
    const ours = limit('BTC', 'bid', (mark - 400).toFixed(0), '0.01');
    await storePending(orders, ours);
    const ack = await process.adapter.place(ours);
    const order = (await orders.findByClientOrderId(ours.clientOrderId))!;
    await orders.save({
      order,
      events: order.open(ack.exchangeOrderId, { cause: 'exchange', at: clock.now() }),
      position: null,
    });
    await rest.cancelOrder({ symbol: 'BTC', clientOrderId: ours.clientOrderId });
    const foreign = await rest.createLimitOrder({
      symbol: 'BTC',
      side: 'bid',
      price: (mark - 500).toFixed(0),
      amount: '0.01',
      tif: 'GTC',
      reduceOnly: false,
    });
    await rest.createMarketOrder({
      symbol: 'ETH',
      side: 'bid',
      amount: '0.5',
      reduceOnly: false,
      slippagePercent: '1',
    });

    const young = await process.scheduler.runOnce();
    expect(young).toMatchObject({
      ordersCorrected: [],
      foreignOrders: [],
      positionDifferences: [{ symbol: 'ETH', exchangeSize: '0.5', localSize: '0' }],
    });
    expect(young.adoptedOrders).toHaveLength(1);
    const [adoptedId] = young.adoptedOrders;
    const external = await orders.list({ strategyId: 'external' }, { limit: 10, offset: 0 });
    expect(
      external.items.map((o) => [o.request.clientOrderId, o.status, o.exchangeOrderId]),
    ).toEqual([[adoptedId, 'open', String(foreign.orderId)]]);
    expect(external.items[0].request).toMatchObject({
      symbol: 'BTC',
      side: 'bid',
      orderType: 'limit',
      price: (mark - 500).toFixed(0),
      amount: '0.01',
      paperTrading: false,
    });
    const eventsBefore = orders.events.length;
    expect((await process.scheduler.runOnce()).adoptedOrders).toEqual([]);
    expect(orders.events).toHaveLength(eventsBefore);

    for (let i = 0; i < 50 && (await rest.getOpenOrders()).items.length > 0; i++) {
      sim.moveMid('BTC', (mark - 505).toFixed(0));
      sim.tick();
    }
    const afterFill = await process.scheduler.runOnce();
    expect(afterFill.ordersCorrected).toEqual([adoptedId]);
    const adopted = (await orders.findByClientOrderId(adoptedId))!;
    expect([adopted.status, adopted.filledAmount.toFixed()]).toEqual(['filled', '0.01']);
    expect((await new InMemoryPositionRepository(orders).find('BTC', false)).size.toFixed()).toBe(
      '0.01',
    );
    sim.moveMid('BTC', String(mark));

    clock.offsetMs = GRACE_MS;
    const report = await process.scheduler.runOnce();
    expect(report.ordersCorrected).toEqual([ours.clientOrderId]);
    const canceled = (await orders.findByClientOrderId(ours.clientOrderId))!.snapshot();
    expect([canceled.status, canceled.reason]).toEqual([
      'canceled',
      'no longer working on the exchange',
    ]);
    expect(orders.events.at(-1)).toMatchObject({ type: 'canceled', cause: 'reconciliation' });
  });

  describe('on the embedded TimescaleDB (TypeORM repositories, outbox)', () => {
    let database: TestDatabase;
    let dataSource: DataSource;

    beforeAll(async () => {
      database = await startTestDatabase();
      dataSource = await database.freshDataSource({ entities: ORDERS_ENTITIES });
    });

    afterAll(async () => {
      if (dataSource.isInitialized) {
        await dataSource.destroy();
      }
      await database.stop();
    });

    const repositories = (source: DataSource) => ({
      orders: new TypeOrmOrderRepository(source.getRepository(OrderEntity), new OutboxWriter()),
      positions: new TypeOrmPositionRepository(source.getRepository(PositionEntity)),
    });

    it('the crash test: the restarted process finds the stored pending order and settles it from the exchange', async () => {
      const { adapter: first, rest } = newAdapter();
      const request = market('BTC', 'ask', '0.01');
      await storePending(repositories(dataSource).orders, request);
      await first.place(request);
      await first.close();

      // The crash: the connection goes away with the ack unstored; a new one opens the same schema.
      const schema = dataSource.driver.schema!;
      await dataSource.destroy();
      dataSource = createDataSource({
        url: database.url,
        embedded: true,
        schema,
        entities: ORDERS_ENTITIES,
      });
      await dataSource.initialize();
      await dataSource.query(`SET search_path TO "${schema}", public`);
      const { orders, positions } = repositories(dataSource);
      const process = await start(orders, positions);

      const report = await process.scheduler.runOnce();

      expect(report).toMatchObject({ ordersCorrected: [request.clientOrderId], unknownOrders: [] });
      const order = (await orders.findByClientOrderId(request.clientOrderId))!;
      expect([order.status, order.filledAmount.toFixed()]).toEqual(['filled', '0.01']);
      expect((await positions.find('BTC', false)).size.toFixed()).toBe('-0.01');
      const published = await dataSource.query<{ type: string; cause: string }[]>(
        `SELECT envelope->'payload'->>'event' AS type, envelope->'payload'->>'cause' AS cause
           FROM outbox_messages WHERE topic = $1 ORDER BY position`,
        [Topics.OrdersEvents],
      );
      expect(published[0]).toEqual({ type: 'accepted', cause: 'request' });
      expect(published.slice(1).every((row) => row.cause === 'reconciliation')).toBe(true);
      expect(published.at(-1)!.type).toBe('filled');
      expect(await ordersOnExchange(rest, request.clientOrderId)).toHaveLength(1);
    });
  });
});
