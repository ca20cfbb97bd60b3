import { Test } from '@nestjs/testing';
import Redis from 'ioredis';

import { StreamEntry, StreamPort, StreamsModule } from '@nexwave/messaging';
import { RedisStreamAdapter, RedisTestServer, startRedisServer } from '@nexwave/messaging/testing';

import { streamPortSuite } from './stream-port.suite';

describe('RedisStreamAdapter (real redis-server)', () => {
  let server: RedisTestServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  describe('StreamPort behaviour', () => {
    streamPortSuite(
      () => {
        redis = new Redis(server.url);
        return Promise.resolve(new RedisStreamAdapter(redis));
      },
      async () => {
        await redis.quit();
      },
    );
  });

  it('keeps consuming after Redis restarts and loses the group', async () => {
    const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    const port = new RedisStreamAdapter(client);
    const received: StreamEntry[] = [];
    let arrived!: () => void;
    const firstAfterRestart = new Promise<void>((resolve) => (arrived = resolve));
    const consumer = await port.consume({
      streams: ['trades:BTC'],
      group: 'writer',
      consumer: 'w1',
      blockMs: 50,
      handler: (entry) => {
        received.push(entry);
        if (entry.fields.after === 'restart') {
          arrived();
        }
        return Promise.resolve();
      },
    });

    await server.restart();
    // Appending recreates the stream; the consumer recreates its group (NOGROUP) and reads it.
    let appended = false;
    while (!appended) {
      appended = await port.append('trades:BTC', { after: 'restart' }).then(
        () => true,
        () => false,
      );
    }
    await firstAfterRestart;
    await consumer.stop();
    await port.close();
    await client.quit();

    expect(received.map((entry) => entry.fields)).toContainEqual({ after: 'restart' });
  });

  it('pipelines the appends of one tick in call order; a failed XADD rejects only its own append', async () => {
    const client = new Redis(server.url);
    const port = new RedisStreamAdapter(client);
    await client.set('not-a-stream', 'x');
    const pipelines = jest.spyOn(client, 'pipeline');

    const appends = Array.from({ length: 50 }, (_, i) =>
      port.append(i === 25 ? 'not-a-stream' : 'pipelined', { seq: String(i) }),
    );
    const outcomes = await Promise.allSettled(appends);
    const entries = await client.xrange('pipelined', '-', '+');
    await client.quit();

    expect(pipelines).toHaveBeenCalledTimes(1);
    const rejected = outcomes.flatMap((outcome, i) =>
      outcome.status === 'rejected' ? [[i, String(outcome.reason)]] : [],
    );
    expect(rejected).toEqual([[25, expect.stringMatching(/WRONGTYPE/) as string]]);
    expect(entries.map(([, fields]) => Number(fields[1]))).toEqual(
      Array.from({ length: 50 }, (_, i) => i).filter((i) => i !== 25),
    );
  });

  it('acknowledges the handled entries of one read with one XACK, leaving a failed one pending', async () => {
    const client = new Redis(server.url);
    const port = new RedisStreamAdapter(client);
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) => port.append('acked', { seq: String(i) })),
    );
    const acks = jest.spyOn(client, 'xack');
    const handled: string[] = [];
    const consumer = await port.consume({
      streams: ['acked'],
      group: 'batch',
      consumer: 'b1',
      batchSize: 30,
      blockMs: 50,
      handler: (entry) => {
        handled.push(entry.id);
        return entry.fields.seq === '10' ? Promise.reject(new Error('fails')) : Promise.resolve();
      },
    });
    const deadline = Date.now() + 10_000;
    while (
      (handled.length < 30 || (await port.pending('acked', 'batch')) > 1) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await consumer.stop();
    await port.close();
    const pending = await client.xpending('acked', 'batch', '-', '+', 10);
    await client.quit();

    expect(handled).toEqual(ids);
    expect(acks).toHaveBeenCalledTimes(1);
    expect(acks).toHaveBeenCalledWith('acked', 'batch', ...ids.filter((_, i) => i !== 10));
    expect(pending).toEqual([[ids[10], 'b1', expect.any(Number), 1]]);
  });

  it('is what StreamsModule provides when a Redis URL is configured, closed with the app', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [StreamsModule.forRoot({ redisUrl: server.url })],
    }).compile();
    const app = await moduleRef.init();
    const port = app.get(StreamPort);
    await port.append('orderbook:ETH', { bestBid: '3321.4' });

    expect(port).toBeInstanceOf(RedisStreamAdapter);
    expect(await port.length('orderbook:ETH')).toBe(1);
    await app.close();
  });
});
