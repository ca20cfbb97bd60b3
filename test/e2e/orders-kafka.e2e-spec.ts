import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';

import { freePort } from '@nexwave/core/testing';
import {
  createEnvelope,
  MessageBusPort,
  MessagingModule,
  orderBookStream,
  Topics,
  type DeadLetterV1,
  type OrderEventV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { startRedisServer, type RedisTestServer } from '@nexwave/messaging/testing';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { startApp, waitForOk, type AppProcess } from '../support/app-process';
import { startKafkaTestBroker, type KafkaTestBroker } from '../support/kafka-broker';
import { KafkaTopics, type TopicWatch } from '../support/kafka-topics';

/** The machine is small and shared: every wait is long, and each is a condition, never a sleep. */
const WAIT_MS = 90_000;

function marketBuy(clientOrderId = randomUUID()): OrderRequestV1 {
  return {
    clientOrderId,
    strategyId: 'e2e-kafka',
    symbol: 'BTC',
    side: 'bid',
    orderType: 'market',
    amount: '0.01',
    price: null,
    tif: null,
    slippagePercent: '1',
    reduceOnly: false,
    paperTrading: true,
    metadata: {},
  };
}

// Issue 11: order-management in its own process on the Kafka transport (the project's test
// broker) with its own embedded database, trading on paper against the books a market-data
// process writes to Redis from the Pacifica simulator. This test is the strategy: it publishes
// orders.requests.v1, asks orders.commands.v1, and reads orders.events.v1 and the dead letters.
describe('order management over Kafka, in its own process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexwave-orders-kafka-'));
  let broker: KafkaTestBroker;
  let redisServer: RedisTestServer;
  let redis: Redis;
  let sim: PacificaSim;
  const apps: AppProcess[] = [];
  let topics: KafkaTopics;
  let strategy: INestApplicationContext;
  let bus: MessageBusPort;
  let events: TopicWatch<OrderEventV1>;
  let deadLetters: TopicWatch<DeadLetterV1>;

  async function startSplitApp(name: string, env: Record<string, string>): Promise<void> {
    const port = String(await freePort());
    const app = startApp(name, {
      PORT: port,
      EMBEDDED_DB_DIR: join(dir, `${name}-pgdata`),
      TRANSPORT: 'kafka',
      KAFKA_BROKERS: broker.brokers.join(','),
      REDIS_URL: redisServer.url,
      PACIFICA_API_URL: sim.url,
      PACIFICA_WS_URL: sim.wsUrl,
      SYMBOLS: 'BTC',
      LOG_LEVEL: 'warn',
      ...env,
    });
    apps.push(app);
    await waitForOk(`http://127.0.0.1:${port}/health`, app, 180_000);
  }

  /** Resolves once the book stream has grown by `entries` from now. */
  async function newBooks(entries: number): Promise<void> {
    const stream = orderBookStream('BTC');
    const from = await redis.xlen(stream);
    await topics.until('new BTC books from market-data', async () => {
      return (await redis.xlen(stream)) >= from + entries;
    });
  }

  const eventsOf = (clientOrderId: string) =>
    events.messages.map((m) => m.payload).filter((e) => e.clientOrderId === clientOrderId);

  const lastEvent = (clientOrderId: string) => eventsOf(clientOrderId).at(-1)?.event;

  /** Waits for the order's last event to be `event`; fails early when it ended otherwise. */
  async function settled(clientOrderId: string, event: OrderEventV1['event']): Promise<void> {
    const seen = () => JSON.stringify(eventsOf(clientOrderId).map((e) => [e.event, e.reason]));
    await events
      .until(`order ${clientOrderId} ${event}`, () => {
        const last = lastEvent(clientOrderId);
        if (last !== event && (last === 'filled' || last === 'rejected')) {
          throw new Error(`order ${clientOrderId} ended ${last}`);
        }
        return last === event;
      })
      .catch((error: Error) => {
        throw new Error(`${error.message}; its events: ${seen()}`);
      });
  }

  beforeAll(async () => {
    broker = await startKafkaTestBroker({ port: 0 });
    redisServer = await startRedisServer();
    redis = new Redis(redisServer.url);
    sim = await startPacificaSim({ port: 0 });
    topics = await KafkaTopics.connect(broker.brokers, WAIT_MS);
    events = await topics.watch<OrderEventV1>(Topics.OrdersEvents);
    deadLetters = await topics.watch<DeadLetterV1>(`${Topics.OrdersRequests}.dlq`);
    await startSplitApp('market-data', {});
    await startSplitApp('order-management', { PAPER_TRADING: 'true' });
    strategy = await NestFactory.createApplicationContext(
      MessagingModule.forRoot({
        transport: 'kafka',
        group: `e2e-strategy-${Date.now().toString(36)}`,
        brokers: broker.brokers,
        requestTimeoutMs: 30_000,
        kafka: { maxWaitTimeMs: 50 },
      }),
      { logger: ['error'] },
    );
    bus = strategy.get(MessageBusPort);
    // The paper exchange reads books from its start on: wait for some written since it started.
    await newBooks(3);
  }, 400_000);

  afterAll(async () => {
    await strategy?.close();
    await topics?.close();
    for (const app of apps) {
      if (app.child.exitCode === null) {
        app.child.kill('SIGTERM');
        await app.exited;
      }
    }
    redis?.disconnect();
    await sim?.stop();
    await redisServer?.stop();
    await broker?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('fills a request, ignores its replay, dead-letters a malformed one, and obeys halt and resume', async () => {
    // A market order: accepted on request, opened and filled on the paper exchange.
    const first = marketBuy();
    await bus.publish(Topics.OrdersRequests, first);
    await settled(first.clientOrderId, 'filled');
    const filled = eventsOf(first.clientOrderId);
    expect(filled.map((e) => [e.event, e.cause, e.sequence])).toEqual([
      ['accepted', 'request', 0],
      ['opened', 'paper', 1],
      ['filled', 'paper', 2],
    ]);
    expect(filled[2]).toMatchObject({ status: 'filled', filledAmount: '0.01', paperTrading: true });
    expect(filled[1].exchangeOrderId).not.toBeNull();

    // The same request again, then a fresh one on its partition (same key): once the fresh one is
    // filled the replay was handled before it, and it created no order, event or exchange order.
    await bus.publish(Topics.OrdersRequests, first);
    const afterReplay = marketBuy();
    await bus.publish(Topics.OrdersRequests, afterReplay, { key: first.clientOrderId });
    await settled(afterReplay.clientOrderId, 'filled');
    expect(eventsOf(first.clientOrderId)).toEqual(filled);
    const exchangeOrders = new Set(events.messages.map((m) => m.payload.exchangeOrderId));
    exchangeOrders.delete(null);
    expect(exchangeOrders.size).toBe(2);

    // A request no contract accepts goes to the dead letters with the reason; the next request
    // on its partition is handled as usual.
    const malformedId = randomUUID();
    const malformed = { ...marketBuy(), side: 'sideways' };
    const envelope = createEnvelope({
      type: 'orders.requests',
      v: 1,
      key: malformedId,
      payload: malformed,
    });
    await topics.publishRaw(Topics.OrdersRequests, malformedId, JSON.stringify(envelope));
    const afterMalformed = marketBuy();
    await bus.publish(Topics.OrdersRequests, afterMalformed, { key: malformedId });
    await deadLetters.until('the malformed request dead-lettered', () =>
      deadLetters.messages.some((m) => m.payload.raw.includes(malformed.clientOrderId)),
    );
    const deadLetter = deadLetters.messages.find((m) =>
      m.payload.raw.includes(malformed.clientOrderId),
    )!.payload;
    expect(deadLetter).toMatchObject({
      topic: Topics.OrdersRequests,
      stage: 'payload',
      messageId: envelope.id,
    });
    expect(deadLetter.reason).toContain('side');
    await settled(afterMalformed.clientOrderId, 'filled');
    expect(eventsOf(malformed.clientOrderId)).toEqual([]);
    expect(deadLetters.messages.map((m) => m.payload.messageId)).toEqual([envelope.id]);

    // An operator halts trading over orders.commands.v1: the next request is rejected with the
    // halt's reason, and after resume the one after it fills.
    const halted = await bus.request(Topics.OrdersCommands, {
      command: 'halt',
      reason: 'e2e: exchange maintenance',
      requestedBy: 'e2e-operator',
    });
    expect(halted).toMatchObject({
      outcome: 'breaker',
      state: 'halted',
      changedBy: 'e2e-operator',
    });
    const whileHalted = marketBuy();
    await bus.publish(Topics.OrdersRequests, whileHalted);
    await settled(whileHalted.clientOrderId, 'rejected');
    expect(eventsOf(whileHalted.clientOrderId).at(-1)).toMatchObject({
      cause: 'breaker',
      exchangeOrderId: null,
      reason: expect.stringContaining('e2e: exchange maintenance') as string,
    });

    const resumed = await bus.request(Topics.OrdersCommands, {
      command: 'resume',
      requestedBy: 'e2e-operator',
    });
    expect(resumed).toMatchObject({ outcome: 'breaker', state: 'closed' });
    const afterResume = marketBuy();
    await bus.publish(Topics.OrdersRequests, afterResume);
    await settled(afterResume.clientOrderId, 'filled');
  }, 400_000);
});
