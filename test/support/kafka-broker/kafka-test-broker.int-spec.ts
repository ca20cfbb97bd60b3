import { CompressionTypes, Consumer, ConsumerConfig, IHeaders, Kafka, logLevel } from 'kafkajs';

import { KafkaTestBroker, startKafkaTestBroker } from './kafka-test-broker';

interface Received {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string;
  headers: IHeaders;
}

/** Collects what a consumer receives and lets a test await a number of messages. */
class Inbox {
  readonly messages: Received[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  add(message: Received): void {
    this.messages.push(message);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.messages.length >= waiter.count) {
        waiter.resolve();
        return false;
      }
      return true;
    });
  }

  waitFor(count: number): Promise<void> {
    if (this.messages.length >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

/** Resolves with the next GROUP_JOIN payload's assignment of `topic`. */
function nextJoin(consumer: Consumer, topic: string): Promise<number[]> {
  return new Promise((resolve) => {
    const remove = consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      remove();
      resolve([...(payload.memberAssignment[topic] ?? [])].sort());
    });
  });
}

function nextFetch(consumer: Consumer): Promise<void> {
  return new Promise((resolve) => {
    const remove = consumer.on(consumer.events.FETCH, () => {
      remove();
      resolve();
    });
  });
}

describe('Kafka test broker with kafkajs 2.2.4', () => {
  let broker: KafkaTestBroker;
  let kafka: Kafka;
  const clients: { disconnect(): Promise<void> }[] = [];

  const quickConsumer = (groupId: string, overrides: Partial<ConsumerConfig> = {}): Consumer => {
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 6_000,
      rebalanceTimeout: 3_000,
      heartbeatInterval: 200,
      maxWaitTimeInMs: 100,
      ...overrides,
    });
    clients.push(consumer);
    return consumer;
  };

  const runInto = async (consumer: Consumer, inbox: Inbox, autoCommit = true): Promise<void> => {
    await consumer.run({
      autoCommit,
      eachMessage: ({ topic, partition, message }) => {
        inbox.add({
          topic,
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? '',
          headers: message.headers ?? {},
        });
        return Promise.resolve();
      },
    });
  };

  const connectedProducer = async () => {
    const producer = kafka.producer();
    clients.push(producer);
    await producer.connect();
    return producer;
  };

  beforeAll(async () => {
    broker = await startKafkaTestBroker();
    kafka = new Kafka({
      clientId: 'broker-spec',
      brokers: broker.brokers,
      logLevel: logLevel.NOTHING,
    });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.disconnect()));
  });

  afterAll(async () => {
    await broker.stop();
  });

  it('creates, describes, lists and deletes topics through the admin client', async () => {
    const admin = kafka.admin();
    clients.push(admin);
    await admin.connect();

    await expect(
      admin.createTopics({ topics: [{ topic: 'orders.requests.v1', numPartitions: 3 }] }),
    ).resolves.toBe(true);
    await expect(admin.createTopics({ topics: [{ topic: 'orders.requests.v1' }] })).resolves.toBe(
      false,
    );

    const { topics } = await admin.fetchTopicMetadata({ topics: ['orders.requests.v1'] });
    expect(topics).toEqual([
      {
        name: 'orders.requests.v1',
        partitions: [0, 1, 2].map((partitionId) => ({
          partitionErrorCode: 0,
          partitionId,
          leader: 0,
          replicas: [0],
          isr: [0],
          offlineReplicas: [],
        })),
      },
    ]);
    expect(await admin.listTopics()).toContain('orders.requests.v1');

    await admin.deleteTopics({ topics: ['orders.requests.v1'] });
    expect(await admin.listTopics()).not.toContain('orders.requests.v1');
  });

  it('delivers keyed messages in order per partition to a consumer group', async () => {
    const topic = 'whales.detected.v1';
    const admin = kafka.admin();
    clients.push(admin);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    const producer = await connectedProducer();
    const symbols = ['BTC', 'ETH', 'SOL', 'DOGE'];
    const sent = Array.from({ length: 200 }, (_, i) => ({ key: symbols[i % 4], value: String(i) }));
    await producer.send({ topic, messages: sent.slice(0, 100) });
    await producer.send({ topic, messages: sent.slice(100) });

    const consumer = quickConsumer('whale-tracker');
    const inbox = new Inbox();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await runInto(consumer, inbox);
    await inbox.waitFor(sent.length);

    for (const symbol of symbols) {
      const forKey = inbox.messages.filter((m) => m.key === symbol);
      expect(new Set(forKey.map((m) => m.partition)).size).toBe(1);
      expect(forKey.map((m) => m.value)).toEqual(
        sent.filter((m) => m.key === symbol).map((m) => m.value),
      );
    }
    for (const partition of [0, 1, 2]) {
      const offsets = inbox.messages.filter((m) => m.partition === partition).map((m) => m.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
    expect(inbox.messages).toHaveLength(sent.length);
  });

  it('splits partitions between two members and rebalances when one leaves', async () => {
    const topic = 'candles.closed.v1';
    const admin = kafka.admin();
    clients.push(admin);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    const producer = await connectedProducer();
    const first = quickConsumer('strategy');
    const second = quickConsumer('strategy');
    const firstInbox = new Inbox();
    const secondInbox = new Inbox();

    const firstAlone = nextJoin(first, topic);
    await first.connect();
    await first.subscribe({ topic, fromBeginning: true });
    await runInto(first, firstInbox);
    expect(await firstAlone).toEqual([0, 1, 2, 3]);

    const firstShare = nextJoin(first, topic);
    const secondShare = nextJoin(second, topic);
    await second.connect();
    await second.subscribe({ topic, fromBeginning: true });
    await runInto(second, secondInbox);
    const [a, b] = await Promise.all([firstShare, secondShare]);
    expect(a).toHaveLength(2);
    expect([...a, ...b].sort()).toEqual([0, 1, 2, 3]);

    const messages = [0, 1, 2, 3].flatMap((partition) =>
      [0, 1].map((n) => ({ partition, value: `p${partition}-${n}` })),
    );
    await producer.send({ topic, messages });
    await Promise.all([firstInbox.waitFor(4), secondInbox.waitFor(4)]);
    expect(new Set(firstInbox.messages.map((m) => m.partition))).toEqual(new Set(a));
    expect(new Set(secondInbox.messages.map((m) => m.partition))).toEqual(new Set(b));

    const firstTakesAll = nextJoin(first, topic);
    await second.disconnect();
    expect(await firstTakesAll).toEqual([0, 1, 2, 3]);
    await producer.send({
      topic,
      messages: b.map((partition) => ({ partition, value: `after-${partition}` })),
    });
    await firstInbox.waitFor(4 + b.length);
    expect(
      firstInbox.messages
        .slice(4)
        .map((m) => m.value)
        .sort(),
    ).toEqual(b.map((p) => `after-${p}`).sort());
  });

  it('resumes a group from its committed offset after a reconnect', async () => {
    const topic = 'orders.events.v1';
    const producer = await connectedProducer();
    await producer.send({
      topic,
      messages: [0, 1, 2, 3, 4].map((n) => ({ key: 'order', value: `m${n}` })),
    });

    const before = quickConsumer('order-management');
    const firstRun = new Inbox();
    await before.connect();
    await before.subscribe({ topic, fromBeginning: true });
    await runInto(before, firstRun, false);
    await firstRun.waitFor(5);
    // Commit after m2 only: m3 and m4 are the uncommitted tail and must come again.
    await before.commitOffsets([{ topic, partition: 0, offset: '3' }]);
    await before.disconnect();

    await producer.send({ topic, messages: [5, 6].map((n) => ({ key: 'order', value: `m${n}` })) });
    const after = quickConsumer('order-management');
    const secondRun = new Inbox();
    await after.connect();
    await after.subscribe({ topic, fromBeginning: true });
    await runInto(after, secondRun);
    await secondRun.waitFor(4);

    expect(firstRun.messages.map((m) => m.value)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(secondRun.messages.map((m) => m.value)).toEqual(['m3', 'm4', 'm5', 'm6']);
    expect(secondRun.messages.map((m) => m.offset)).toEqual([3, 4, 5, 6]);
  });

  it('starts a new group at the end with fromBeginning false and at offset 0 with true', async () => {
    const topic = 'risk.decisions.v1';
    const producer = await connectedProducer();
    await producer.send({ topic, messages: [{ value: 'old-1' }, { value: 'old-2' }] });

    const latest = quickConsumer('from-latest');
    const earliest = quickConsumer('from-earliest');
    const latestInbox = new Inbox();
    const earliestInbox = new Inbox();
    await Promise.all([latest.connect(), earliest.connect()]);
    await latest.subscribe({ topic, fromBeginning: false });
    await earliest.subscribe({ topic, fromBeginning: true });
    const latestPositioned = nextFetch(latest);
    await runInto(latest, latestInbox);
    await runInto(earliest, earliestInbox);
    await latestPositioned;

    await producer.send({ topic, messages: [{ value: 'new-1' }] });
    await Promise.all([latestInbox.waitFor(1), earliestInbox.waitFor(3)]);

    expect(latestInbox.messages.map((m) => m.value)).toEqual(['new-1']);
    expect(earliestInbox.messages.map((m) => m.value)).toEqual(['old-1', 'old-2', 'new-1']);
  });

  it('round-trips keys, null keys and headers (string, binary, repeated)', async () => {
    const topic = 'headers.check.v1';
    const producer = await connectedProducer();
    const binary = Buffer.from([0, 255, 7]);
    await producer.send({
      topic,
      messages: [
        {
          key: 'k1',
          value: 'with-headers',
          headers: { correlationId: 'c-1', raw: binary, tag: ['a', 'b'] },
        },
        { key: null, value: 'no-key' },
      ],
    });
    const consumer = quickConsumer('headers');
    const inbox = new Inbox();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await runInto(consumer, inbox);
    await inbox.waitFor(2);

    const [withHeaders, noKey] = inbox.messages;
    expect(withHeaders.key).toBe('k1');
    expect(withHeaders.headers).toEqual({
      correlationId: Buffer.from('c-1'),
      raw: binary,
      tag: [Buffer.from('a'), Buffer.from('b')],
    });
    expect(noKey).toMatchObject({ key: null, value: 'no-key', headers: {} });
  });

  it('round-trips a batch of 10,000 small messages', async () => {
    const topic = 'market.ticks.v1';
    const admin = kafka.admin();
    clients.push(admin);
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const producer = await connectedProducer();
    const total = 10_000;
    await producer.send({
      topic,
      messages: Array.from({ length: total }, (_, i) => ({ key: `s${i % 16}`, value: String(i) })),
    });

    const consumer = quickConsumer('bulk');
    const inbox = new Inbox();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await runInto(consumer, inbox);
    await inbox.waitFor(total);

    expect(inbox.messages).toHaveLength(total);
    expect(new Set(inbox.messages.map((m) => m.value)).size).toBe(total);
    for (const partition of [0, 1]) {
      const values = inbox.messages
        .filter((m) => m.partition === partition)
        .map((m) => Number(m.value));
      expect(values).toEqual([...values].sort((x, y) => x - y));
    }
  });

  it('rejects compressed batches with UNSUPPORTED_COMPRESSION_TYPE', async () => {
    const producer = await connectedProducer();
    await expect(
      producer.send({
        topic: 'compressed.v1',
        compression: CompressionTypes.GZIP,
        messages: [{ value: 'x' }],
      }),
    ).rejects.toMatchObject({ type: 'UNSUPPORTED_COMPRESSION_TYPE' });
  });
});
