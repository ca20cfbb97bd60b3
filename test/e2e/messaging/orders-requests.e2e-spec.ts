import { RedisTestServer, startRedisServer } from '@nexwave/messaging/testing';

import { KafkaTestBroker, startKafkaTestBroker } from '../../support/kafka-broker';
import { received, runScript, ScriptProcess } from './child-process';

const COUNT = 60;

/** Counts, and the keys whose messages did not arrive in publish order (seq 0, 1, 2 ...). */
function deliveryReport(lines: string[]) {
  const messages = received(lines);
  const byKey = new Map<string, number[]>();
  messages.forEach((m) => byKey.set(m.key, [...(byKey.get(m.key) ?? []), m.seq]));
  return {
    messages: messages.length,
    distinctIds: new Set(messages.map((m) => m.id)).size,
    keys: byKey.size,
    outOfOrderKeys: [...byKey].filter(([, seqs]) => seqs.some((seq, i) => seq !== i)),
  };
}

const EVERYTHING_ONCE_IN_ORDER = {
  messages: COUNT,
  distinctIds: COUNT,
  keys: 5,
  outOfOrderKeys: [],
};

describe('orders.requests.v1 between two Node processes', () => {
  const processes: ScriptProcess[] = [];
  const run = (script: string, args: string[]) => {
    const child = runScript(script, args);
    processes.push(child);
    return child;
  };

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((child) => child.stop()));
  });

  describe('through kafkajs and the Kafka transport', () => {
    let broker: KafkaTestBroker | undefined;
    let brokers: string;

    beforeAll(async () => {
      if (process.env.KAFKA_BROKERS) {
        brokers = process.env.KAFKA_BROKERS;
      } else {
        broker = await startKafkaTestBroker({ port: 0 });
        brokers = broker.brokers.join(',');
      }
    });

    afterAll(async () => {
      await broker?.stop();
    });

    it('delivers every request once, in per-key order, to the consumer app', async () => {
      // A new group starts from the earliest offset: both processes may boot at once.
      const consumer = run('kafka-consumer.ts', [brokers, `e2e-orders-${Date.now()}`]);
      const publisher = run('kafka-publisher.ts', [brokers, String(COUNT)]);
      await publisher.until((lines) => lines.includes('PUBLISHED'));
      await consumer.until((lines) => received(lines).length >= COUNT);

      expect(deliveryReport(consumer.lines)).toEqual(EVERYTHING_ONCE_IN_ORDER);
    });
  });

  describe('through Redis streams', () => {
    let redis: RedisTestServer;

    beforeAll(async () => {
      redis = await startRedisServer();
    });

    afterAll(async () => {
      await redis.stop();
    });

    it('delivers every request once, in per-key order, to the consumer process', async () => {
      const stream = `orders:requests:${Date.now()}`;
      // The group starts at the stream's first entry: both processes may boot at once.
      const consumer = run('redis-consumer.ts', [redis.url, stream, 'order-management']);
      const publisher = run('redis-publisher.ts', [redis.url, stream, String(COUNT)]);
      await publisher.until((lines) => lines.includes('PUBLISHED'));
      await consumer.until((lines) => received(lines).length >= COUNT);

      expect(deliveryReport(consumer.lines)).toEqual(EVERYTHING_ONCE_IN_ORDER);
    });
  });
});
