import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';

import { until } from '@nexwave/core/testing';
import type { Envelope } from '@nexwave/messaging';
import { preloadKafkaProtocol } from '@nexwave/messaging/testing';

/** Envelopes read from one topic since its first offset; `until` waits for a condition over them. */
export interface TopicWatch<P = unknown> {
  readonly messages: Envelope<P>[];
  until(what: string, predicate: (messages: Envelope<P>[]) => boolean): Promise<void>;
}

/**
 * A strategy's or an operator's view of the Kafka cluster, bypassing the app code under test:
 * raw records in (even ones the contracts would refuse) and every envelope on a topic out.
 */
export class KafkaTopics {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly consumers: Consumer[] = [];
  private readonly run = Date.now().toString(36);

  private constructor(
    brokers: string[],
    private readonly timeoutMs: number,
  ) {
    this.kafka = new Kafka({ brokers, clientId: `topics-${this.run}`, logLevel: logLevel.NOTHING });
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  }

  /** `timeoutMs`: how long `until` waits before failing with what it waited for. */
  static async connect(brokers: string[], timeoutMs: number): Promise<KafkaTopics> {
    preloadKafkaProtocol();
    const topics = new KafkaTopics(brokers, timeoutMs);
    await topics.producer.connect();
    return topics;
  }

  async publishRaw(topic: string, key: string, value: string): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages: [{ key, value }] });
  }

  /** Reads `topic` from its first offset; `onMessage` sees each envelope as it arrives. */
  async watch<P>(
    topic: string,
    onMessage?: (envelope: Envelope<P>) => void,
  ): Promise<TopicWatch<P>> {
    const consumer = this.kafka.consumer({
      groupId: `watch-${topic}-${this.run}`,
      maxWaitTimeInMs: 50,
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
    });
    this.consumers.push(consumer);
    const messages: Envelope<P>[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? 'null') as Envelope<P>;
        messages.push(envelope);
        onMessage?.(envelope);
        return Promise.resolve();
      },
    });
    return { messages, until: (what, predicate) => this.until(what, () => predicate(messages)) };
  }

  /** Polls `condition` until it holds; fails naming `what` after the deadline. */
  until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
    return until(condition, what, { timeoutMs: this.timeoutMs, intervalMs: 50 });
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
    await this.producer.disconnect();
  }
}
