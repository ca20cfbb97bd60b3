import { randomUUID } from 'node:crypto';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { ConfigModule, loadConfig } from '@nexwave/config';
import { until } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  connectMessaging,
  encodeStreamEntry,
  MessageBusPort,
  MESSAGING_ENTITIES,
  MessagingModule,
  StreamFamilies,
  StreamPort,
  Topics,
  type Envelope,
  type OrderEventV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker, MemoryStreamAdapter } from '@nexwave/messaging/testing';
import { ExchangePort, GetPositionsQuery, OrderRepository, OrdersModule } from '@nexwave/orders';
import { ORDERS_ENTITIES } from '@nexwave/orders/testing';
import { PacificaEndpointsModule } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { StartingPaperExchange } from '../src/infrastructure/exchange/starting-paper.exchange';

// The OrdersModule as the apps wire it, on the paper exchange: a strategy's request over
// orders.requests.v1 fills on the current book, and the order, its events and the position are
// stored and published.
describe('a request filled on the paper exchange', () => {
  const streams = new MemoryStreamAdapter();
  const published: Envelope<OrderEventV1>[] = [];
  let database: TestDatabase;
  let sim: PacificaSim;
  let app: INestApplication;

  beforeAll(async () => {
    database = await startTestDatabase();
    sim = await startPacificaSim({ port: 0, bookIntervalMs: 0 });
    const dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...ORDERS_ENTITIES],
    });

    @Global()
    @Module({
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: StreamPort, useValue: streams },
      ],
      exports: [DataSource, StreamPort],
    })
    class TestInfrastructureModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig('order-management', { SYMBOLS: 'BTC' })),
        TestInfrastructureModule,
        PacificaEndpointsModule.forRoot({ restUrl: sim.url, wsUrl: sim.wsUrl, simulated: true }),
        MessagingModule.forRoot({
          transport: 'memory',
          group: 'order-management',
          inbox: 'database',
          outbox: { relayIntervalMs: 20 },
        }),
        OrdersModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    app.get(InMemoryBroker).subscribe(Topics.OrdersEvents, (record) => {
      published.push(JSON.parse(record.value) as Envelope<OrderEventV1>);
      return Promise.resolve();
    });
  });

  afterAll(async () => {
    await app?.close();
    await sim?.stop();
    await database?.stop();
  });

  it('fills a market buy on the book, stores the fill and the position, publishes the events', async () => {
    const level = (price: string, amount: string) => ({
      price,
      amount,
      orders: 1,
      notionalUsd: String(Number(price) * Number(amount)),
    });
    const now = new Date().toISOString();
    const { stream, fields } = encodeStreamEntry(StreamFamilies.OrderBook, {
      symbol: 'BTC',
      time: now,
      bids: [level('99990', '1')],
      asks: [level('100010', '1')],
    });
    await streams.append(stream, fields);
    const { paper } = app.get<ExchangePort, StartingPaperExchange>(ExchangePort);
    await until(() => paper.bookTime('BTC')?.toISOString() === now, 'the book');
    const request: OrderRequestV1 = {
      clientOrderId: randomUUID(),
      strategyId: 'mean_reversion_1',
      symbol: 'BTC',
      side: 'bid',
      orderType: 'market',
      amount: '0.01',
      price: null,
      tif: null,
      slippagePercent: '0.5',
      reduceOnly: false,
      paperTrading: true,
      metadata: {},
    };

    await app.get(MessageBusPort).publish(Topics.OrdersRequests, request);
    const events = () => published.filter((e) => e.payload.clientOrderId === request.clientOrderId);
    await until(() => events().some((e) => e.payload.event === 'filled'), 'the fill event');

    const order = await app.get(OrderRepository).findByClientOrderId(request.clientOrderId);
    expect(order?.snapshot()).toMatchObject({ status: 'filled', filledAmount: '0.01' });
    expect(order?.averageFillPrice?.toFixed()).toBe('100010');
    expect(events()[0].payload).toMatchObject({ event: 'accepted', cause: 'request' });
    expect(events().at(-1)?.payload).toMatchObject({
      event: 'filled',
      cause: 'paper',
      lastFillPrice: '100010',
    });
    const positions = await app.get(QueryBus).execute(new GetPositionsQuery(true));
    expect(positions).toMatchObject([{ symbol: 'BTC', size: '0.01', entryPrice: '100010' }]);
  });
});
