import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import Redis from 'ioredis';

import {
  connectMessaging,
  MessageBusPort,
  MessageConsumer,
  MessagingModule,
  MessagingModuleOptions,
  OrderRequestV1,
  StreamPort,
  Topics,
} from '@nexwave/messaging';
import {
  MemoryStreamAdapter,
  RedisStreamAdapter,
  startRedisServer,
} from '@nexwave/messaging/testing';

import { startKafkaTestBroker } from '../../test/support/kafka-broker';
import { printFigure } from '../goal';

/**
 * Messages/s and end-to-end latency (publish call -> handler) through each transport, one
 * publisher awaiting each publish, one consumer, on loopback. Run:
 * npx ts-node --transpile-only -r tsconfig-paths/register bench/messaging/transports.bench.ts
 */
const COUNT = Number(process.env.BENCH_MESSAGES ?? 2_000);
const WARMUP = 100;

interface Result {
  transport: string;
  messages: number;
  perSecond: number;
  p50: number;
  p99: number;
}

class Latencies {
  readonly samples: number[] = [];
  private done?: () => void;
  private expected = 0;

  expect(count: number): Promise<void> {
    this.samples.length = 0;
    this.expected = count;
    return new Promise((resolve) => (this.done = resolve));
  }

  record(sentAt: number): void {
    this.samples.push(performance.now() - sentAt);
    if (this.samples.length === this.expected) {
      this.done?.();
    }
  }
}

const latencies = new Latencies();

function request(i: number): OrderRequestV1 {
  return {
    clientOrderId: `0194a5f0-0000-4000-8000-${String(i % 1000).padStart(12, '0')}`,
    strategyId: 'bench',
    symbol: 'BTC',
    side: 'bid',
    orderType: 'limit',
    amount: '0.01',
    price: '60000',
    tif: 'GTC',
    slippagePercent: null,
    reduceOnly: false,
    paperTrading: true,
    metadata: { sentAt: performance.now() },
  };
}

@MessageConsumer()
class BenchConsumer {
  @EventPattern(Topics.OrdersRequests)
  onRequest(@Payload() payload: OrderRequestV1): void {
    latencies.record(payload.metadata.sentAt as number);
  }
}

async function measure(transport: string, send: (i: number) => Promise<unknown>): Promise<Result> {
  const warm = latencies.expect(WARMUP);
  for (let i = 0; i < WARMUP; i++) {
    await send(i);
  }
  await warm;
  const all = latencies.expect(COUNT);
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    await send(i);
  }
  await all;
  const elapsed = performance.now() - started;
  const sorted = [...latencies.samples].sort((a, b) => a - b);
  return {
    transport,
    messages: COUNT,
    perSecond: Math.round((COUNT / elapsed) * 1000),
    p50: sorted[Math.floor(sorted.length * 0.5)],
    p99: sorted[Math.floor(sorted.length * 0.99)],
  };
}

async function viaNest(transport: string, options: MessagingModuleOptions): Promise<Result> {
  @Module({
    imports: [MessagingModule.forRoot({ ...options, retry: { maxAttempts: 1 } })],
    controllers: [BenchConsumer],
  })
  class BenchModule {}
  const app = await NestFactory.create(BenchModule, { logger: ['error'] });
  connectMessaging(app);
  await app.startAllMicroservices();
  await app.init();
  const bus = app.get(MessageBusPort);
  try {
    return await measure(transport, (i) => bus.publish(Topics.OrdersRequests, request(i)));
  } finally {
    await app.close();
  }
}

async function viaStream(transport: string, streams: StreamPort): Promise<Result> {
  const stream = `bench:${Date.now()}`;
  const consumer = await streams.consume({
    streams: [stream],
    group: 'bench',
    consumer: 'bench-1',
    batchSize: 100,
    blockMs: 100,
    handler: (entry) => {
      latencies.record(Number(entry.fields.sentAt));
      return Promise.resolve();
    },
  });
  try {
    return await measure(transport, (i) =>
      streams.append(stream, {
        sentAt: String(performance.now()),
        envelope: JSON.stringify(request(i)),
      }),
    );
  } finally {
    await consumer.stop();
    await streams.close();
  }
}

async function main(): Promise<void> {
  const results: Result[] = [];
  results.push(await viaNest('memory transport (Nest)', { transport: 'memory', group: 'bench' }));

  const kafka = await startKafkaTestBroker({ port: 0 });
  try {
    results.push(
      await viaNest('kafka transport, test broker', {
        transport: 'kafka',
        group: 'bench',
        brokers: kafka.brokers,
        kafka: { partitions: 3, maxWaitTimeMs: 20 },
      }),
    );
  } finally {
    await kafka.stop();
  }

  const redisServer = await startRedisServer();
  const redis = new Redis(redisServer.url);
  try {
    results.push(await viaStream('redis streams', new RedisStreamAdapter(redis)));
  } finally {
    await redis.quit();
    await redisServer.stop();
  }
  results.push(await viaStream('memory streams', new MemoryStreamAdapter()));

  console.log(`\n${COUNT} messages each, sequential publisher, latency publish -> handler\n`);
  console.table(
    results.map((r) => ({
      transport: r.transport,
      'msg/s': r.perSecond,
      'p50 ms': r.p50.toFixed(2),
      'p99 ms': r.p99.toFixed(2),
    })),
  );
  // Issue 17's goals; the kafka and redis ones are for batched/pipelined publishing, measured
  // here with a sequential publisher.
  const goals: Record<string, number> = {
    'memory transport (Nest)': 100_000,
    'kafka transport, test broker': 20_000,
    'redis streams': 20_000,
  };
  for (const r of results) {
    const goal = goals[r.transport];
    printFigure(
      `${r.transport}, sequential`,
      r.perSecond,
      'msg/s',
      goal ? { atLeast: goal } : undefined,
    );
  }
}

void main();
