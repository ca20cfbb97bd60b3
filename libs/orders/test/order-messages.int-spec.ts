import { randomUUID } from 'node:crypto';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { ConfigModule, loadConfig } from '@nexwave/config';
import { until } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  connectMessaging,
  createEnvelope,
  deadLetterTopic,
  MessageBusPort,
  MESSAGING_ENTITIES,
  MessagingModule,
  Topics,
  type DeadLetterV1,
  type Envelope,
  type OrderCommandReplyV1,
  type OrderCommandV1,
  type OrderEventV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker, readGoldenFixture } from '@nexwave/messaging/testing';
import {
  ExchangePort,
  ExchangeUnavailableError,
  OrderRepository,
  OrdersModule,
} from '@nexwave/orders';
import { FakeExchange, ORDERS_ENTITIES } from '@nexwave/orders/testing';

const fixture = readGoldenFixture(
  'orders/fixtures/order-request.v1.json',
) as Envelope<OrderRequestV1>;
const orderRequest = (overrides: Partial<OrderRequestV1> = {}): OrderRequestV1 =>
  ({ ...fixture.payload, clientOrderId: randomUUID(), ...overrides }) as OrderRequestV1;

// The OrdersModule as the apps wire it (database repositories and outbox, database inbox, the one
// embedded connection), over the memory transport; only the exchange is a fake.
describe('orders messages: requests and commands reach the command handlers', () => {
  const exchange = new FakeExchange();
  let database: TestDatabase;
  let app: INestApplication;
  let bus: MessageBusPort;
  let broker: InMemoryBroker;
  let orders: OrderRepository;
  const deadLetters: Envelope<DeadLetterV1>[] = [];
  const published: Envelope<OrderEventV1>[] = [];

  beforeAll(async () => {
    database = await startTestDatabase();
    const dataSource = await database.freshDataSource({
      entities: [...MESSAGING_ENTITIES, ...ORDERS_ENTITIES],
    });

    @Global()
    @Module({
      providers: [{ provide: DataSource, useValue: dataSource }],
      exports: [DataSource],
    })
    class TestDataSourceModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig('order-management', {})),
        TestDataSourceModule,
        MessagingModule.forRoot({
          transport: 'memory',
          group: 'order-management',
          inbox: 'database',
          outbox: { relayIntervalMs: 20 },
          retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
        }),
        OrdersModule,
      ],
    })
      .overrideProvider(ExchangePort)
      .useValue(exchange)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    bus = app.get(MessageBusPort);
    broker = app.get(InMemoryBroker);
    orders = app.get(OrderRepository);
    broker.subscribe(deadLetterTopic(Topics.OrdersRequests), (record) => {
      deadLetters.push(JSON.parse(record.value) as Envelope<DeadLetterV1>);
      return Promise.resolve();
    });
    broker.subscribe(Topics.OrdersEvents, (record) => {
      published.push(JSON.parse(record.value) as Envelope<OrderEventV1>);
      return Promise.resolve();
    });
  });

  afterAll(async () => {
    await app?.close();
    await database?.stop();
  });

  const statusOf = async (clientOrderId: string) =>
    (await orders.findByClientOrderId(clientOrderId))?.status;
  const command = (body: OrderCommandV1): Promise<OrderCommandReplyV1> =>
    bus.request(Topics.OrdersCommands, body);
  const eventsOf = (clientOrderId: string) =>
    published.filter((e) => e.payload.clientOrderId === clientOrderId).map((e) => e.payload.event);

  it('turns a request into an order on the exchange, and a replay creates nothing new', async () => {
    const request = orderRequest();
    const envelope = createEnvelope({
      type: 'orders.requests',
      v: 1,
      key: request.clientOrderId,
      payload: request,
    });
    const record = { key: request.clientOrderId, value: JSON.stringify(envelope) };

    broker.publish(Topics.OrdersRequests, record);
    await until(() => eventsOf(request.clientOrderId).length === 2, 'the order events');
    broker.publish(Topics.OrdersRequests, record);
    await bus.publish(Topics.OrdersRequests, request, { key: request.clientOrderId });
    // The outbox relays in order: once a later order's events are out, any replay's would be too.
    const later = orderRequest();
    await bus.publish(Topics.OrdersRequests, later, { key: later.clientOrderId });
    await until(() => eventsOf(later.clientOrderId).length === 2, 'the later order events');

    expect(await statusOf(request.clientOrderId)).toBe('open');
    expect(eventsOf(request.clientOrderId)).toEqual(['accepted', 'opened']);
    expect(exchange.placed.filter((p) => p.clientOrderId === request.clientOrderId)).toHaveLength(
      1,
    );
  });

  it('dead-letters a malformed request with the reason and handles the next one', async () => {
    const marker = randomUUID();
    broker.publish(Topics.OrdersRequests, { key: marker, value: `{"oops": "${marker}"` });
    const liveInPaper = orderRequest({ paperTrading: false });
    await bus.publish(Topics.OrdersRequests, liveInPaper, { key: liveInPaper.clientOrderId });
    const valid = orderRequest();
    await bus.publish(Topics.OrdersRequests, valid, { key: valid.clientOrderId });
    await broker.idle();

    const letters = deadLetters.filter(
      (l) => l.payload.raw.includes(marker) || l.payload.raw.includes(liveInPaper.clientOrderId),
    );
    expect(letters.map((l) => [l.payload.stage, l.payload.reason.split(':')[0]])).toEqual([
      ['envelope', 'not JSON'],
      ['handler', 'OrdersError [INVALID_ORDER]'],
    ]);
    expect(await statusOf(liveInPaper.clientOrderId)).toBeUndefined();
    expect(await statusOf(valid.clientOrderId)).toBe('open');
  });

  it('halts over orders.commands.v1, replying with the breaker; halted requests are stored rejected', async () => {
    const halted = await command({ command: 'halt', reason: 'audit', requestedBy: 'ops-alice' });
    const request = orderRequest();
    await bus.publish(Topics.OrdersRequests, request, { key: request.clientOrderId });
    await broker.idle();
    const placeReply = await command({ command: 'place', request: orderRequest() });
    const resumed = await command({ command: 'resume', requestedBy: 'ops-alice' });
    const status = await command({ command: 'status' });

    expect(halted).toMatchObject({
      outcome: 'breaker',
      state: 'halted',
      reason: 'audit',
      changedBy: 'ops-alice',
      consecutiveFailures: 0,
    });
    expect((await orders.findByClientOrderId(request.clientOrderId))?.snapshot()).toMatchObject({
      status: 'rejected',
      reason: 'trading halted by ops-alice: audit',
    });
    expect(placeReply).toEqual({
      outcome: 'rejected',
      code: 'TRADING_HALTED',
      reason: 'trading halted by ops-alice: audit',
    });
    expect(resumed).toMatchObject({ outcome: 'breaker', state: 'closed', changedBy: 'ops-alice' });
    expect(status).toEqual(resumed);
    expect(deadLetters.filter((l) => l.payload.raw.includes(request.clientOrderId))).toEqual([]);
  });

  it('places, cancels and cancels all over orders.commands.v1 with typed replies', async () => {
    const [first, second] = [orderRequest({ symbol: 'SOL' }), orderRequest({ symbol: 'SOL' })];
    const placed = await command({ command: 'place', request: first });
    await command({ command: 'place', request: second });
    const canceled = await command({
      command: 'cancel',
      clientOrderId: first.clientOrderId,
      requestedBy: 'api-key:ops',
    });
    const all = await command({ command: 'cancel_all', symbol: 'SOL' });
    const missing = await command({ command: 'cancel', clientOrderId: randomUUID() });
    const third = orderRequest({ symbol: 'SOL' });
    await command({ command: 'place', request: third });
    exchange.failNext(new ExchangeUnavailableError('HTTP 503'));
    const unavailable = await command({ command: 'cancel', clientOrderId: third.clientOrderId });

    expect(placed).toMatchObject({
      outcome: 'order',
      order: { clientOrderId: first.clientOrderId, status: 'open', sequence: 1 },
    });
    expect(canceled).toMatchObject({
      outcome: 'order',
      order: { status: 'canceled', reason: expect.stringContaining('api-key:ops') as unknown },
    });
    expect(all).toEqual({ outcome: 'canceled', clientOrderIds: [second.clientOrderId] });
    expect(missing).toMatchObject({ outcome: 'rejected', code: 'ORDER_NOT_FOUND' });
    expect(unavailable).toEqual({
      outcome: 'rejected',
      code: 'EXCHANGE_UNAVAILABLE',
      reason: 'HTTP 503',
    });
    expect(await statusOf(third.clientOrderId)).toBe('open');
  });
});
