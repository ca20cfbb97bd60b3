import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';

import { Envelope, MessagingModuleOptions } from '@nexwave/messaging';
import { InMemoryBroker, preloadKafkaProtocol } from '@nexwave/messaging/testing';

import { startKafkaTestBroker } from '../../../test/support/kafka-broker';
import { createKafka, createProducer } from '../src/kafka/kafka-connection';
import { TransportRecord } from '../src/transport-record';

/** Records envelopes arriving on a topic; `until` awaits a condition over them. */
export interface TopicWatcher<P = unknown> {
  readonly messages: Envelope<P>[];
  until(predicate: (messages: Envelope<P>[]) => boolean): Promise<void>;
  close(): Promise<void>;
}

/** What the transport-independent suites need from a transport. */
export interface TransportHarness {
  readonly name: string;
  moduleOptions(group: string): MessagingModuleOptions;
  /** Called once the app is up (the memory broker lives in the app). */
  attach(app: INestApplication): void;
  /** Puts a record on a topic as is, bypassing validation. */
  publishRaw(topic: string, record: TransportRecord): Promise<void>;
  watch<P>(topic: string): Promise<TopicWatcher<P>>;
  close(): Promise<void>;
}

/** Polls nothing: re-checks the predicate whenever a message arrives. */
export function watcher<P>(stop: () => Promise<void>): TopicWatcher<P> & {
  add(message: Envelope<P>): void;
} {
  const messages: Envelope<P>[] = [];
  let waiters: { predicate: (m: Envelope<P>[]) => boolean; resolve: () => void }[] = [];
  return {
    messages,
    add(message) {
      messages.push(message);
      waiters = waiters.filter((w) => !w.predicate(messages) || (w.resolve(), false));
    },
    until(predicate) {
      return predicate(messages)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: stop,
  };
}

export function memoryHarness(): TransportHarness {
  let broker: InMemoryBroker | undefined;
  const live = (): InMemoryBroker => {
    if (!broker) {
      throw new Error('attach the app broker first');
    }
    return broker;
  };
  return {
    name: 'memory',
    moduleOptions: (group) => ({
      transport: 'memory',
      group,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 4 },
    }),
    attach(app) {
      broker = app.get(InMemoryBroker);
    },
    publishRaw(topic, record) {
      live().publish(topic, record);
      return Promise.resolve();
    },
    watch<P>(topic: string) {
      const stop = live().subscribe(topic, (record) => {
        watch.add(JSON.parse(record.value) as Envelope<P>);
        return Promise.resolve();
      });
      const watch = watcher<P>(() => Promise.resolve(stop()));
      return Promise.resolve(watch);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Kafka through the test broker on a free port, or the given real brokers (KAFKA_BROKERS). Groups get
 * a run-unique suffix so a real cluster's committed offsets from earlier runs do not interfere.
 */
export async function kafkaHarness(externalBrokers?: string): Promise<TransportHarness> {
  preloadKafkaProtocol();
  const external = externalBrokers?.split(',').filter(Boolean);
  const testBroker = external?.length ? undefined : await startKafkaTestBroker({ port: 0 });
  const brokers = external?.length ? external : testBroker!.brokers;
  const run = Date.now().toString(36);
  const kafka = createKafka({ brokers, clientId: `harness-${run}` });
  const producer = createProducer(kafka);
  await producer.connect();
  const consumers: { disconnect(): Promise<void> }[] = [];
  return {
    name: external?.length ? `kafka (${brokers.join(',')})` : 'kafka (test broker)',
    moduleOptions: (group) => ({
      transport: 'kafka',
      group: `${group}-${run}`,
      brokers,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 4 },
      kafka: {
        partitions: 3,
        sessionTimeoutMs: 6_000,
        heartbeatIntervalMs: 500,
        maxWaitTimeMs: 50,
      },
    }),
    attach: () => undefined,
    async publishRaw(topic, record) {
      await producer.send({ topic, acks: -1, messages: [record] });
    },
    async watch<P>(topic: string) {
      const consumer = watchingConsumer(kafka, `watch-${topic}-${run}-${consumers.length}`);
      consumers.push(consumer);
      const watch = watcher<P>(() => consumer.disconnect());
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          watch.add(JSON.parse(message.value?.toString() ?? 'null') as Envelope<P>);
          return Promise.resolve();
        },
      });
      return watch;
    },
    async close() {
      await Promise.all(consumers.map((consumer) => consumer.disconnect()));
      await producer.disconnect();
      await testBroker?.stop();
    },
  };
}

function watchingConsumer(kafka: Kafka, groupId: string) {
  return kafka.consumer({
    groupId,
    maxWaitTimeInMs: 50,
    sessionTimeout: 6_000,
    heartbeatInterval: 500,
  });
}
