import { createServer } from 'node:net';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { ConfigModule, loadConfig } from '@nexwave/config';
import { until } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { MESSAGING_ENTITIES, OutboxWriter, StreamPort } from '@nexwave/messaging';
import { MemoryStreamAdapter } from '@nexwave/messaging/testing';
import {
  ExchangePort,
  ExchangeUnavailableError,
  Order,
  OrderRepository,
  OrdersModule,
  type OrderRequest,
} from '@nexwave/orders';
import { ORDERS_ENTITIES } from '@nexwave/orders/testing';
import { PacificaEndpointsModule } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { OrderEntity } from '../src/infrastructure/persistence/order.entity';
import { TypeOrmOrderRepository } from '../src/infrastructure/persistence/typeorm-order.repository';
import { ReconciliationScheduler } from '../src/infrastructure/reconciliation.scheduler';

const RESTING: OrderRequest = {
  clientOrderId: '0b6f7a52-7d0e-4c39-9a43-1f7d2f3f9c11',
  strategyId: 'manual',
  symbol: 'BTC',
  side: 'bid',
  amount: '0.01',
  reduceOnly: false,
  paperTrading: true,
  orderType: 'limit',
  price: '1000',
  tif: 'GTC',
  slippagePercent: null,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

// The paper exchange of the OrdersModule is rebuilt from the database when the module starts,
// before any bootstrap hook, and a missing exchange (/info) does not fail the boot.
describe('the orders exchange at start-up', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let sim: PacificaSim | undefined;
  let moduleRef: TestingModule | undefined;

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(() => database.stop());

  beforeEach(async () => {
    dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...ORDERS_ENTITIES],
    });
    const orders = new TypeOrmOrderRepository(
      dataSource.getRepository(OrderEntity),
      new OutboxWriter(),
    );
    // Placed long ago: reconciliation would cancel it if the exchange said it is gone.
    const at = new Date(Date.now() - 600_000);
    const { order, events } = Order.create(RESTING, at);
    await orders.add({ order, events, position: null });
    await orders.save({
      order,
      events: order.open('paper-restored-1', { cause: 'paper', at }),
      position: null,
    });
  });

  afterEach(async () => {
    await moduleRef?.close();
    await sim?.stop();
    moduleRef = undefined;
    sim = undefined;
  });

  async function boot(restUrl: string): Promise<ExchangePort> {
    @Global()
    @Module({
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: OutboxWriter, useValue: new OutboxWriter() },
        { provide: StreamPort, useValue: new MemoryStreamAdapter() },
      ],
      exports: [DataSource, OutboxWriter, StreamPort],
    })
    class TestInfrastructureModule {}

    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig('order-management', {})),
        TestInfrastructureModule,
        PacificaEndpointsModule.forRoot({ restUrl, wsUrl: 'ws://unused', simulated: true }),
        OrdersModule,
      ],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    return moduleRef.get(ExchangePort);
  }

  const restingIds = async (exchange: ExchangePort) =>
    (await exchange.openOrders()).map((o) => o.exchangeOrderId);
  const started = (exchange: ExchangePort) =>
    restingIds(exchange).then(
      (ids) => ids.length > 0,
      () => false,
    );

  it('restores the working paper orders before the app is up', async () => {
    sim = await startPacificaSim({ port: 0, bookIntervalMs: 0 });

    const exchange = await boot(sim.url);

    expect(await restingIds(exchange)).toEqual(['paper-restored-1']);
  });

  it('boots without the exchange, answers unavailable, and starts once the exchange answers', async () => {
    const port = await freePort();
    const exchange = await boot(`http://127.0.0.1:${port}/api/v1`);
    const reconciliation = moduleRef!.get(ReconciliationScheduler).runOnce();

    await expect(exchange.openOrders()).rejects.toBeInstanceOf(ExchangeUnavailableError);
    await expect(reconciliation).rejects.toBeInstanceOf(ExchangeUnavailableError);
    const order = await moduleRef!.get(OrderRepository).findByClientOrderId(RESTING.clientOrderId);
    expect(order?.status).toBe('open');

    sim = await startPacificaSim({ port, bookIntervalMs: 0 });

    await until(() => started(exchange), 'the paper exchange start');
    expect(await restingIds(exchange)).toEqual(['paper-restored-1']);
  });
});
