import { OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, Message, Producer, TopicMessages } from 'kafkajs';

import { SendBatcher } from '../send-batcher';
import { TransportRecord } from '../transport-record';
import { createProducer } from './kafka-connection';

/**
 * The app's one kafkajs producer, shared by the client (publish, request), the server (replies)
 * and the dead-letter sink; connected on first use, disconnected after the consumers stopped.
 * Sends made in one synchronous run, or while the previous batch is in flight, go to the broker
 * as one produce request (sendBatch), in call order per topic.
 */
export class KafkaProducer implements OnApplicationShutdown {
  private readonly producer: Producer;
  private connecting?: Promise<void>;
  private readonly batcher = new SendBatcher<TopicMessages, void>((batch) => this.sendAll(batch));

  constructor(
    kafka: Kafka,
    private readonly compression = CompressionTypes.None,
  ) {
    this.producer = createProducer(kafka);
  }

  connect(): Promise<void> {
    this.connecting ??= this.producer.connect();
    return this.connecting;
  }

  /** acks=all; rejects when the broker did not take the batch holding these records after kafkajs' retries. */
  send(topic: string, messages: Message[]): Promise<void> {
    return this.batcher.submit({ topic, messages });
  }

  /** Dead-letter sink of the consumer pipeline: throws when the send fails. */
  sendRecord(topic: string, record: TransportRecord): Promise<void> {
    return this.send(topic, [{ key: record.key, value: record.value }]);
  }

  private async sendAll(batch: readonly TopicMessages[]): Promise<void[]> {
    const byTopic = new Map<string, Message[]>();
    for (const { topic, messages } of batch) {
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...messages]);
    }
    await this.connect();
    await this.producer.sendBatch({
      acks: -1,
      compression: this.compression,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    return batch.map(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connecting) {
      this.connecting = undefined;
      await this.producer.disconnect();
    }
  }
}
