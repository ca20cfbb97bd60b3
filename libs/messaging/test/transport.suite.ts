import { randomUUID } from 'node:crypto';
import { INestApplication, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';

import { DomainError } from '@nexwave/core';
import {
  connectMessaging,
  createEnvelope,
  deadLetterTopic,
  DeadLetterV1,
  MessageBusPort,
  MessageConsumer,
  MessageContext,
  MessagingModule,
  OrderCommandReplyV1,
  OrderCommandV1,
  OrderRequestV1,
  RequestFailedError,
  RetriableError,
  Topics,
  TradeV1,
  WhaleDetectedV1,
} from '@nexwave/messaging';

import tradeFixture from '../src/contracts/market-data/fixtures/trade.v1.json';
import requestFixture from '../src/contracts/orders/fixtures/order-request.v1.json';
import whaleFixture from '../src/contracts/whales/fixtures/whale-detected.v1.json';
import { TopicWatcher, TransportHarness } from './transport-harness';

const whale = whaleFixture.payload as WhaleDetectedV1;
const trade = tradeFixture.payload as TradeV1;
const orderRequest = (clientOrderId: string): OrderRequestV1 =>
  ({ ...requestFixture.payload, clientOrderId }) as OrderRequestV1;

/** What the handlers saw (tests pick their own messages by unique ids), and how they should fail. */
@Injectable()
class Probe {
  readonly whales: { id: string; consumer: string; notionalUsd: string }[] = [];
  readonly trades: { symbol: string; tradeId: string }[] = [];
  readonly orders: { clientOrderId: string; attempt: number; id: string }[] = [];
  readonly failures = new Map<string, Error[]>();
  breakerHalted = false;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  until(check: () => boolean): Promise<void> {
    return check()
      ? Promise.resolve()
      : new Promise((resolve) => this.waiters.push({ check, resolve }));
  }

  changed(): void {
    this.waiters = this.waiters.filter((w) => !w.check() || (w.resolve(), false));
  }
}

@MessageConsumer()
class MarketConsumer {
  constructor(private readonly probe: Probe) {}

  @EventPattern(Topics.WhalesDetected, { consumer: 'strategy' })
  onWhale(@Payload() payload: WhaleDetectedV1, @Ctx() context: MessageContext): void {
    this.probe.whales.push({
      id: context.getEnvelope().id,
      consumer: 'strategy',
      notionalUsd: payload.notionalUsd,
    });
    this.probe.changed();
  }

  @EventPattern(Topics.MarketDataTrades)
  async onTrade(@Payload() payload: TradeV1): Promise<void> {
    // Earlier trades take longer: without per-key ordering they would finish last.
    for (let tick = Number(payload.tradeId.split('-')[1]) % 5; tick < 5; tick++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.probe.trades.push({ symbol: payload.symbol, tradeId: payload.tradeId });
    this.probe.changed();
  }
}

@MessageConsumer()
class OrdersConsumer {
  constructor(private readonly probe: Probe) {}

  @EventPattern(Topics.WhalesDetected, { consumer: 'alerts' })
  onWhale(@Payload() payload: WhaleDetectedV1, @Ctx() context: MessageContext): void {
    this.probe.whales.push({
      id: context.getEnvelope().id,
      consumer: 'alerts',
      notionalUsd: payload.notionalUsd,
    });
    this.probe.changed();
  }

  @EventPattern(Topics.OrdersRequests)
  onOrderRequest(@Payload() request: OrderRequestV1, @Ctx() context: MessageContext): void {
    const failure = this.probe.failures.get(request.clientOrderId)?.shift();
    if (failure) {
      throw failure;
    }
    this.probe.orders.push({
      clientOrderId: request.clientOrderId,
      attempt: context.getAttempt(),
      id: context.getEnvelope().id,
    });
    this.probe.changed();
  }

  @MessagePattern(Topics.OrdersCommands)
  onCommand(@Payload() command: OrderCommandV1): OrderCommandReplyV1 {
    if (command.command === 'resume' && !this.probe.breakerHalted) {
      throw new DomainError('NOT_HALTED', 'trading is not halted');
    }
    this.probe.breakerHalted =
      command.command === 'halt' || (command.command === 'status' && this.probe.breakerHalted);
    return {
      outcome: 'breaker',
      state: this.probe.breakerHalted ? 'halted' : 'closed',
      reason: command.command === 'halt' ? command.reason : null,
      changedBy: command.command === 'halt' ? command.requestedBy : null,
      changedAt: command.command === 'status' ? null : '2026-01-15T12:00:00.000Z',
      consecutiveFailures: 0,
    };
  }
}

/**
 * One suite, every transport: the same @EventPattern/@MessagePattern handlers must see the same
 * messages through the memory transport and through Kafka.
 */
export function sameHandlersSuite(makeHarness: () => Promise<TransportHarness>): void {
  let harness: TransportHarness;
  let app: INestApplication;
  let bus: MessageBusPort;
  let probe: Probe;
  let whaleLetters: TopicWatcher<DeadLetterV1>;
  let orderLetters: TopicWatcher<DeadLetterV1>;

  beforeAll(async () => {
    harness = await makeHarness();
    const moduleRef = await Test.createTestingModule({
      imports: [MessagingModule.forRoot(harness.moduleOptions('same-handlers'))],
      controllers: [MarketConsumer, OrdersConsumer],
      providers: [Probe],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    harness.attach(app);
    bus = app.get(MessageBusPort);
    probe = app.get(Probe);
    whaleLetters = await harness.watch(deadLetterTopic(Topics.WhalesDetected));
    orderLetters = await harness.watch(deadLetterTopic(Topics.OrdersRequests));
  });

  afterAll(async () => {
    await whaleLetters?.close();
    await orderLetters?.close();
    await app?.close();
    await harness?.close();
  });

  const whaleWith = (notionalUsd: string): WhaleDetectedV1 => ({ ...whale, notionalUsd });
  const uniqueNotional = () => `${Math.floor(Math.random() * 1e9) + 1}.5`;

  it('delivers an event to every @EventPattern handler of its topic', async () => {
    const notional = uniqueNotional();
    const envelope = await bus.publish(Topics.WhalesDetected, whaleWith(notional));
    await probe.until(() => probe.whales.filter((w) => w.id === envelope.id).length === 2);

    expect(
      probe.whales
        .filter((w) => w.id === envelope.id)
        .map((w) => [w.consumer, w.notionalUsd])
        .sort(),
    ).toEqual([
      ['alerts', notional],
      ['strategy', notional],
    ]);
  });

  it('keeps per-key order while handlers finish at different speeds', async () => {
    const run = randomUUID().slice(0, 8);
    const published: { symbol: string; tradeId: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const next = { ...trade, symbol: i % 2 === 0 ? 'BTC' : 'kBONK', tradeId: `${run}-${i}` };
      published.push({ symbol: next.symbol, tradeId: next.tradeId });
      await bus.publish(Topics.MarketDataTrades, next);
    }
    const mine = () => probe.trades.filter((t) => t.tradeId.startsWith(run));
    await probe.until(() => mine().length === 20);

    for (const symbol of ['BTC', 'kBONK']) {
      expect(mine().filter((t) => t.symbol === symbol)).toEqual(
        published.filter((t) => t.symbol === symbol),
      );
    }
  });

  it('answers request/reply through @MessagePattern, and reports a failing handler', async () => {
    const halted = await bus.request(Topics.OrdersCommands, {
      command: 'halt',
      reason: 'maintenance',
      requestedBy: 'admin',
    });
    const status = await bus.request(Topics.OrdersCommands, { command: 'status' });
    probe.breakerHalted = false;
    const refused = bus.request(Topics.OrdersCommands, { command: 'resume', requestedBy: 'admin' });

    expect(halted).toEqual({
      outcome: 'breaker',
      state: 'halted',
      reason: 'maintenance',
      changedBy: 'admin',
      changedAt: '2026-01-15T12:00:00.000Z',
      consecutiveFailures: 0,
    });
    expect(status).toMatchObject({ outcome: 'breaker', state: 'halted' });
    await expect(refused).rejects.toThrow(
      new RequestFailedError(
        Topics.OrdersCommands,
        'DomainError [NOT_HALTED]: trading is not halted',
      ),
    );
  });

  it('dead-letters malformed messages with the reason and handles the next valid one', async () => {
    const marker = randomUUID();
    const badPayload = createEnvelope({
      type: 'whales.detected',
      v: 1,
      key: 'BTC',
      payload: { ...whale, side: 'buy', marker },
    });
    await harness.publishRaw(Topics.WhalesDetected, { key: 'BTC', value: `{"id": oops ${marker}` });
    await harness.publishRaw(Topics.WhalesDetected, {
      key: 'BTC',
      value: JSON.stringify(badPayload),
    });
    const valid = await bus.publish(Topics.WhalesDetected, whaleWith(uniqueNotional()));

    const mine = () =>
      whaleLetters.messages.filter((letter) => letter.payload.raw.includes(marker));
    await whaleLetters.until(() => mine().length === 2);
    await probe.until(() => probe.whales.filter((w) => w.id === valid.id).length === 2);

    expect(mine().map(({ payload }) => [payload.stage, payload.messageId])).toEqual([
      ['envelope', null],
      ['payload', badPayload.id],
    ]);
    expect(mine()[0].payload.reason).toMatch(/^not JSON/);
    expect(mine()[1].payload.reason).toMatch(/^side: /);
  });

  it('retries a retriable error, then dead-letters it after the last attempt', async () => {
    const recovers: string = randomUUID();
    const flaky: string = randomUUID();
    probe.failures.set(recovers, [new RetriableError('db down'), new RetriableError('db down')]);
    probe.failures.set(
      flaky,
      [1, 2, 3, 4].map(() => new RetriableError('exchange unavailable')),
    );

    await bus.publish(Topics.OrdersRequests, orderRequest(recovers));
    const lost = await bus.publish(Topics.OrdersRequests, orderRequest(flaky));
    await probe.until(() => probe.orders.some((o) => o.clientOrderId === recovers));
    const mine = () =>
      orderLetters.messages.filter((letter) => letter.payload.messageId === lost.id);
    await orderLetters.until(() => mine().length === 1);

    expect(
      probe.orders
        .filter((o) => [recovers, flaky].includes(o.clientOrderId))
        .map(({ clientOrderId, attempt }) => ({ clientOrderId, attempt })),
    ).toEqual([{ clientOrderId: recovers, attempt: 3 }]);
    expect(mine()[0].payload).toMatchObject({
      stage: 'handler',
      attempts: 3,
      reason: 'RetriableError: exchange unavailable',
    });
    expect(probe.failures.get(flaky)).toHaveLength(1);
  });

  it('handles a message delivered twice with one id once', async () => {
    const cloid = randomUUID();
    const envelope = createEnvelope({
      type: 'orders.requests',
      v: 1,
      key: cloid,
      payload: orderRequest(cloid),
    });
    const record = { key: cloid, value: JSON.stringify(envelope) };
    await harness.publishRaw(Topics.OrdersRequests, record);
    await harness.publishRaw(Topics.OrdersRequests, record);
    // Same key, same partition: once the follower is handled, both copies were.
    const follower = await bus.publish(Topics.OrdersRequests, orderRequest(cloid), { key: cloid });
    await probe.until(() => probe.orders.some((o) => o.id === follower.id));

    expect(probe.orders.filter((o) => o.clientOrderId === cloid).map((o) => o.id)).toEqual([
      envelope.id,
      follower.id,
    ]);
  });
}
