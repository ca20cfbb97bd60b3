import { OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Message, Producer } from 'kafkajs';

import { TransportRecord } from '../transport-record';
import { createProducer } from './kafka-connection';

/**
 * The app's one kafkajs producer, shared by the client (publish, request), the server (replies)
 * and the dead-letter sink; connected on first use, disconnected after the consumers stopped.
 */
export class KafkaProducer implements OnApplicationShutdown {
  private readonly producer: Producer;
  private connecting?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = createProducer(kafka);
  }

  connect(): Promise<void> {
    this.connecting ??= this.producer.connect();
    return this.connecting;
  }

  /** acks=all; rejects when the broker did not take the records after kafkajs' retries. */
  async send(topic: string, messages: Message[]): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Dead-letter sink of the consumer pipeline: throws when the send fails. */
  sendRecord(topic: string, record: TransportRecord): Promise<void> {
    return this.send(topic, [{ key: record.key, value: record.value }]);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connecting) {
      this.connecting = undefined;
      await this.producer.disconnect();
    }
  }
}
