import { Kafka, logLevel, Producer } from 'kafkajs';

import { KafkaTestBroker, startKafkaTestBroker } from '../../../test/support/kafka-broker';
import { createKafka } from '../src/kafka/kafka-connection';
import { KafkaProducer } from '../src/kafka/kafka-producer';

/** The kafkajs producer KafkaProducer creates, and a count of its produce requests. */
function watchProducer(kafka: Kafka): { produceRequests: () => number } {
  let produceRequests = 0;
  const create = kafka.producer.bind(kafka);
  jest.spyOn(kafka, 'producer').mockImplementationOnce((config) => {
    const producer: Producer = create(config);
    producer.on(producer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'Produce') {
        produceRequests++;
      }
    });
    return producer;
  });
  return { produceRequests: () => produceRequests };
}

describe('KafkaProducer batching (Kafka test broker)', () => {
  let broker: KafkaTestBroker;

  beforeEach(async () => {
    broker = await startKafkaTestBroker({ port: 0 });
  });

  afterEach(async () => {
    await broker.stop();
  });

  it('sends the records of concurrent publishes as one produce request, in order per key', async () => {
    const kafka = createKafka({ brokers: broker.brokers, clientId: 'batching' });
    const watched = watchProducer(kafka);
    const producer = new KafkaProducer(kafka);
    const topic = 'orders.requests.v1';
    const sent = Array.from({ length: 100 }, (_, i) => ({
      key: ['BTC', 'ETH', 'SOL'][i % 3],
      value: String(i),
    }));

    await Promise.all(sent.map((message) => producer.send(topic, [message])));
    const received: { key: string; value: string }[] = [];
    const consumer = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: 'check',
      maxWaitTimeInMs: 50,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push({ key: String(message.key), value: String(message.value) });
        return Promise.resolve();
      },
    });
    for (const deadline = Date.now() + 30_000; received.length < sent.length;) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await consumer.disconnect();
    await producer.onApplicationShutdown();

    expect(watched.produceRequests()).toBe(1);
    for (const key of ['BTC', 'ETH', 'SOL']) {
      expect(received.filter((m) => m.key === key)).toEqual(sent.filter((m) => m.key === key));
    }
  });

  it('rejects every publish of a batch the broker did not take', async () => {
    const kafka = createKafka({ brokers: broker.brokers, clientId: 'failing' }, 0);
    const producer = new KafkaProducer(kafka);
    await producer.connect();
    await broker.stop();

    const outcomes = await Promise.allSettled(
      ['1', '2'].map((value) => producer.send('orders.requests.v1', [{ key: 'BTC', value }])),
    );
    await producer.onApplicationShutdown().catch(() => undefined);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});
