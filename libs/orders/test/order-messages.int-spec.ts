import { randomUUID } from 'node:crypto';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { ConfigModule, loadConfig } from '@nexwave/config';
import {
  connectMessaging,
  createEnvelope,
  deadLetterTopic,
  MessageBusPort,
  MessagingModule,
  Topics,
  type DeadLetterV1,
  type Envelope,
  type OrderCommandReplyV1,
  type OrderCommandV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker, readGoldenFixture } from '@nexwave/messaging/testing';
import {
  BreakerRepository,
  ExchangePort,
  OrderRepository,
  OrdersModule,
  PositionRepository,
} from '@nexwave/orders';
import {
  FakeExchange,
  InMemoryBreakerRepository,
  InMemoryOrderRepository,
  InMemoryPositionRepository,
} from '@nexwave/orders/testing';

const orders = new InMemoryOrderRepository();
const exchange = new FakeExchange();

@Global()
@Module({
  providers: [
    { provide: OrderRepository, useValue: orders },
    { provide: PositionRepository, useValue: new InMemoryPositionRepository(orders) },
    { provide: BreakerRepository, useValue: new InMemoryBreakerRepository() },
    { provide: ExchangePort, useValue: exchange },
  ],
  exports: [OrderRepository, PositionRepository, BreakerRepository, ExchangePort],
})
class FakePortsModule {}

const fixture = readGoldenFixture(
  'orders/fixtures/order-request.v1.json',
) as Envelope<OrderRequestV1>;
const orderRequest = (overrides: Partial<OrderRequestV1> = {}): OrderRequestV1 =>
  ({ ...fixture.payload, clientOrderId: randomUUID(), ...overrides }) as OrderRequestV1;

// The consumers of orders.requests.v1 and orders.commands.v1 in the real OrdersModule, over the
// memory transport, with the ports faked (the persistence int-spec covers the database).
describe('orders messages: requests and commands reach the command handlers', () => {
  let app: INestApplication;
  let bus: MessageBusPort;
  let broker: InMemoryBroker;
  const deadLetters: Envelope<DeadLetterV1>[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig('order-management', {})),
        MessagingModule.forRoot({
          transport: 'memory',
          group: 'order-management',
          retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
        }),
        FakePortsModule,
        OrdersModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    bus = app.get(MessageBusPort);
    broker = app.get(InMemoryBroker);
    broker.subscribe(deadLetterTopic(Topics.OrdersRequests), (record) => {
      deadLetters.push(JSON.parse(record.value) as Envelope<DeadLetterV1>);
      return Promise.resolve();
    });
  });

  afterAll(() => app?.close());

  const statusOf = async (clientOrderId: string) =>
    (await orders.findByClientOrderId(clientOrderId))?.status;
  const command = (body: OrderCommandV1): Promise<OrderCommandReplyV1> =>
    bus.request(Topics.OrdersCommands, body);

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
    await broker.idle();
    const eventsAfterFirst = orders.events.length;
    broker.publish(Topics.OrdersRequests, record);
    await bus.publish(Topics.OrdersRequests, request, { key: request.clientOrderId });
    await broker.idle();

    expect(await statusOf(request.clientOrderId)).toBe('open');
    expect(exchange.placed.filter((p) => p.clientOrderId === request.clientOrderId)).toHaveLength(
      1,
    );
    expect(orders.events.length).toBe(eventsAfterFirst);
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
    const canceled = await command({ command: 'cancel', clientOrderId: first.clientOrderId });
    const all = await command({ command: 'cancel_all', symbol: 'SOL' });
    const missing = await command({ command: 'cancel', clientOrderId: randomUUID() });

    expect(placed).toMatchObject({
      outcome: 'order',
      order: { clientOrderId: first.clientOrderId, status: 'open', sequence: 1 },
    });
    expect(canceled).toMatchObject({ outcome: 'order', order: { status: 'canceled' } });
    expect(all).toEqual({ outcome: 'canceled', clientOrderIds: [second.clientOrderId] });
    expect(missing).toMatchObject({ outcome: 'rejected', code: 'ORDER_NOT_FOUND' });
  });
});
