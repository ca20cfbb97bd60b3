import { INestApplication, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';

import { DomainError } from '@nexwave/core';

import { MessageConsumer } from '../consumer/message-consumer.decorator';
import { MessageContext } from '../consumer/message-context';
import tradeFixture from '../contracts/market-data/fixtures/trade.v1.json';
import { TradeV1 } from '../contracts/market-data/trade.v1';
import requestFixture from '../contracts/orders/fixtures/order-request.v1.json';
import { OrderCommandReplyV1, OrderCommandV1 } from '../contracts/orders/order-command.v1';
import { OrderRequestV1 } from '../contracts/orders/order-request.v1';
import whaleFixture from '../contracts/whales/fixtures/whale-detected.v1.json';
import { WhaleDetectedV1 } from '../contracts/whales/whale-detected.v1';
import { DeadLetterV1 } from '../dead-letter';
import { createEnvelope, Envelope } from '../envelope';
import { MessageBusPort } from '../message-bus.port';
import { MessagingMetrics } from '../messaging-metrics';
import {
  InvalidMessageError,
  NoResponderError,
  RequestFailedError,
  RetriableError,
} from '../messaging.errors';
import { connectMessaging, MessagingModule } from '../messaging.module';
import { MessageRecorder } from '../testing/message-recorder';
import { deadLetterTopic, Topics } from '../topics';
import { InMemoryBroker } from './in-memory-broker';

const whale = whaleFixture.payload as WhaleDetectedV1;
const trade = tradeFixture.payload as TradeV1;
const orderRequest = (clientOrderId: string): OrderRequestV1 =>
  ({ ...requestFixture.payload, clientOrderId }) as OrderRequestV1;

/** What the handlers saw, and how they should fail. */
@Injectable()
class Probe {
  readonly whales: { payload: WhaleDetectedV1; envelope: Envelope; consumer: string }[] = [];
  readonly trades: { symbol: string; tradeId: string }[] = [];
  readonly orders: { clientOrderId: string; attempt: number }[] = [];
  /** clientOrderId -> errors to throw, one per attempt. */
  readonly failures = new Map<string, Error[]>();
  breakerHalted = false;
}

@MessageConsumer()
class StrategyConsumer {
  constructor(private readonly probe: Probe) {}

  @EventPattern(Topics.WhalesDetected, { consumer: 'strategy' })
  onWhale(@Payload() payload: WhaleDetectedV1, @Ctx() context: MessageContext): void {
    this.probe.whales.push({ payload, envelope: context.getEnvelope(), consumer: 'strategy' });
  }

  @EventPattern(Topics.MarketDataTrades)
  async onTrade(@Payload() payload: TradeV1): Promise<void> {
    // Earlier trades take longer: without per-key ordering they would finish last.
    for (let tick = Number(payload.tradeId) % 5; tick < 5; tick++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.probe.trades.push({ symbol: payload.symbol, tradeId: payload.tradeId });
  }
}

@MessageConsumer()
class OrdersConsumer {
  constructor(private readonly probe: Probe) {}

  @EventPattern(Topics.WhalesDetected, { consumer: 'alerts' })
  onWhale(@Payload() payload: WhaleDetectedV1, @Ctx() context: MessageContext): void {
    this.probe.whales.push({ payload, envelope: context.getEnvelope(), consumer: 'alerts' });
  }

  @EventPattern(Topics.OrdersRequests)
  onOrderRequest(@Payload() request: OrderRequestV1, @Ctx() context: MessageContext): void {
    const failure = this.probe.failures.get(request.clientOrderId)?.shift();
    if (failure) {
      throw failure;
    }
    this.probe.orders.push({ clientOrderId: request.clientOrderId, attempt: context.getAttempt() });
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

describe('memory transport with Nest handlers', () => {
  let app: INestApplication;
  let bus: MessageBusPort;
  let broker: InMemoryBroker;
  let probe: Probe;
  let metrics: MessagingMetrics;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        MessagingModule.forRoot({
          transport: 'memory',
          group: 'test-app',
          retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 4 },
        }),
      ],
      controllers: [StrategyConsumer, OrdersConsumer],
      providers: [Probe],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    bus = app.get(MessageBusPort);
    broker = app.get(InMemoryBroker);
    probe = app.get(Probe);
    metrics = app.get(MessagingMetrics);
  });

  afterEach(async () => {
    await app.close();
  });

  it('delivers asynchronously to every @EventPattern handler of the topic, with the envelope', async () => {
    const publishing = bus.publish(Topics.WhalesDetected, whale, { correlationId: 'signal-42' });
    expect(probe.whales).toEqual([]);
    const envelope = await publishing;
    await broker.idle();

    expect(probe.whales.map((seen) => seen.consumer).sort()).toEqual(['alerts', 'strategy']);
    expect(probe.whales[0].payload).toEqual(whale);
    expect(probe.whales[0].envelope).toMatchObject({
      id: envelope.id,
      type: 'whales.detected',
      v: 1,
      key: 'BTC',
      correlationId: 'signal-42',
      causationId: null,
    });
  });

  it('keeps per-key order while handlers finish at different speeds', async () => {
    const published: { symbol: string; tradeId: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const next = { ...trade, symbol: i % 2 === 0 ? 'BTC' : 'kBONK', tradeId: String(i) };
      published.push({ symbol: next.symbol, tradeId: next.tradeId });
      await bus.publish(Topics.MarketDataTrades, next);
    }
    await broker.idle();

    for (const symbol of ['BTC', 'kBONK']) {
      expect(probe.trades.filter((t) => t.symbol === symbol)).toEqual(
        published.filter((t) => t.symbol === symbol),
      );
    }
  });

  it('answers request/reply through @MessagePattern with a typed reply', async () => {
    const halted = await bus.request(Topics.OrdersCommands, {
      command: 'halt',
      reason: 'maintenance',
      requestedBy: 'admin',
    });
    const status = await bus.request(Topics.OrdersCommands, { command: 'status' });

    expect(halted).toEqual({
      outcome: 'breaker',
      state: 'halted',
      reason: 'maintenance',
      changedBy: 'admin',
      changedAt: '2026-01-15T12:00:00.000Z',
      consecutiveFailures: 0,
    });
    expect(status).toMatchObject({ outcome: 'breaker', state: 'halted' });
  });

  it('rejects a request whose handler fails with the handler reason', async () => {
    await expect(
      bus.request(Topics.OrdersCommands, { command: 'resume', requestedBy: 'admin' }),
    ).rejects.toThrow(
      new RequestFailedError(
        Topics.OrdersCommands,
        'DomainError [NOT_HALTED]: trading is not halted',
      ),
    );
  });

  it('refuses to publish an invalid payload: it throws and nothing is sent', async () => {
    const dlq = new MessageRecorder(broker, deadLetterTopic(Topics.WhalesDetected));
    const invalid = { ...whale, confidence: 1.2 };

    await expect(bus.publish(Topics.WhalesDetected, invalid)).rejects.toBeInstanceOf(
      InvalidMessageError,
    );
    await expect(bus.publish(Topics.WhalesDetected, invalid)).rejects.toThrow(/confidence/);
    await broker.idle();
    expect(probe.whales).toEqual([]);
    expect(dlq.messages).toEqual([]);
    dlq.close();
  });

  it('dead-letters malformed messages with the reason and raw value, then handles the next one', async () => {
    const dlq = new MessageRecorder<DeadLetterV1>(broker, deadLetterTopic(Topics.WhalesDetected));
    const badPayload = createEnvelope({
      type: 'whales.detected',
      v: 1,
      key: 'BTC',
      payload: { ...whale, side: 'buy' },
    });
    const wrongType = createEnvelope({ type: 'orders.requests', v: 1, key: 'BTC', payload: whale });

    broker.publish(Topics.WhalesDetected, { key: 'BTC', value: '{"id": oops' });
    broker.publish(Topics.WhalesDetected, { key: 'BTC', value: JSON.stringify(badPayload) });
    broker.publish(Topics.WhalesDetected, { key: 'BTC', value: JSON.stringify(wrongType) });
    await bus.publish(Topics.WhalesDetected, whale);
    await broker.idle();

    expect(
      dlq.messages.map(({ payload }) => [payload.stage, payload.consumer, payload.messageId]),
    ).toEqual([
      ['envelope', 'test-app', null],
      ['payload', 'test-app', badPayload.id],
      ['envelope', 'test-app', wrongType.id],
    ]);
    expect(dlq.messages[0].payload.reason).toMatch(/^not JSON/);
    expect(dlq.messages[0].payload.raw).toBe('{"id": oops');
    expect(dlq.messages[1].payload.reason).toMatch(/^side: /);
    expect(dlq.messages[1].causationId).toBe(badPayload.id);
    expect(dlq.messages[2].payload.reason).toBe(
      'a orders.requests v1 message does not belong on whales.detected.v1',
    );
    expect(await metrics.deadLettered(Topics.WhalesDetected)).toBe(3);
    expect(probe.whales).toHaveLength(2);
    dlq.close();
  });

  it('retries a retriable error with backoff and succeeds within the attempts', async () => {
    const cloid = '0194a5f0-0000-4000-8000-000000000001';
    probe.failures.set(cloid, [new RetriableError('db down'), new RetriableError('db down')]);

    await bus.publish(Topics.OrdersRequests, orderRequest(cloid));
    await broker.idle();

    expect(probe.orders).toEqual([{ clientOrderId: cloid, attempt: 3 }]);
    expect(await metrics.deadLettered(Topics.OrdersRequests)).toBe(0);
  });

  it('dead-letters a retriable error after the last attempt and a non-retriable one at once', async () => {
    const dlq = new MessageRecorder<DeadLetterV1>(broker, deadLetterTopic(Topics.OrdersRequests));
    const flaky = '0194a5f0-0000-4000-8000-000000000002';
    const refused = '0194a5f0-0000-4000-8000-000000000003';
    probe.failures.set(
      flaky,
      [1, 2, 3, 4].map(() => new RetriableError('exchange unavailable')),
    );
    probe.failures.set(refused, [new DomainError('RISK_LIMIT', 'position too large')]);

    await bus.publish(Topics.OrdersRequests, orderRequest(flaky));
    await bus.publish(Topics.OrdersRequests, orderRequest(refused));
    await broker.idle();

    const letters = dlq.messages
      .map(({ payload }) => payload)
      .sort((a, b) => a.attempts - b.attempts);
    expect(letters.map(({ stage, attempts, reason }) => ({ stage, attempts, reason }))).toEqual([
      { stage: 'handler', attempts: 1, reason: 'DomainError [RISK_LIMIT]: position too large' },
      { stage: 'handler', attempts: 3, reason: 'RetriableError: exchange unavailable' },
    ]);
    expect(probe.failures.get(flaky)).toHaveLength(1);
    expect(probe.orders).toEqual([]);
    dlq.close();
  });

  it('handles a duplicated message id once per consumer', async () => {
    const cloid = '0194a5f0-0000-4000-8000-000000000004';
    const envelope = createEnvelope({
      type: 'orders.requests',
      v: 1,
      key: cloid,
      payload: orderRequest(cloid),
    });
    const record = { key: cloid, value: JSON.stringify(envelope) };

    broker.publish(Topics.OrdersRequests, record);
    broker.publish(Topics.OrdersRequests, record);
    await broker.idle();

    expect(probe.orders).toEqual([{ clientOrderId: cloid, attempt: 1 }]);
    const { values } = await metrics.duplicates.get();
    expect(values).toEqual([
      { labels: { topic: Topics.OrdersRequests, consumer: 'test-app' }, value: 1 },
    ]);
  });
});

describe('memory transport without a responder', () => {
  it('rejects a request at once with NoResponderError', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [MessagingModule.forRoot({ transport: 'memory', group: 'lonely' })],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();

    await expect(
      app.get(MessageBusPort).request(Topics.OrdersCommands, { command: 'status' }),
    ).rejects.toBeInstanceOf(NoResponderError);
    await app.close();
  });
});
