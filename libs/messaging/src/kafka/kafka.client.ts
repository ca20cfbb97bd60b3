import { randomUUID } from 'node:crypto';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';
import { Consumer, Kafka } from 'kafkajs';

import { RequestFailedError } from '../messaging.errors';
import { TransportRecord } from '../transport-record';
import { ensureTopics } from './kafka-connection';
import { KafkaProducer } from './kafka-producer';
import {
  CORRELATION_HEADER,
  headerText,
  KafkaReply,
  REPLY_TOPIC_HEADER,
  replyTopic,
} from './kafka-reply';

interface KafkaClientOptions {
  group: string;
  /** Topics this client may send requests on: it listens on their `.reply` topics. */
  requestTopics: readonly string[];
  partitions: number;
  maxWaitTimeMs: number;
}

/**
 * Nest ClientProxy over a kafkajs producer; packets are `{ key, value }` records, so the key is the
 * contract's key (symbol, clientOrderId). Requests carry a correlation id and a reply topic
 * header; replies are read by a consumer group of this instance alone (every instance sees every
 * reply on `<topic>.reply` and keeps its own), started on the first request.
 */
export class KafkaClientProxy extends ClientProxy implements OnApplicationShutdown {
  private readonly log = new Logger(KafkaClientProxy.name);
  private readonly pending = new Map<string, PendingRequest>();
  private replies?: Promise<Consumer>;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: KafkaProducer,
    private readonly options: KafkaClientOptions,
  ) {
    super();
  }

  /** Connects the shared producer once. */
  connect(): Promise<void> {
    return this.producer.connect();
  }

  /** Stops listening for replies; the shared producer is closed by its owner. */
  async close(): Promise<void> {
    const replies = this.replies;
    this.replies = undefined;
    await (await replies?.catch(() => undefined))?.disconnect();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  unwrap<T>(): T {
    return this.producer as T;
  }

  protected publish(
    packet: ReadPacket<TransportRecord>,
    callback: (packet: WritePacket) => void,
  ): () => void {
    const topic = packet.pattern as string;
    const correlationId = randomUUID();
    this.pending.set(correlationId, { topic, callback });
    this.listenForReplies()
      .then(() =>
        this.producer.send(topic, [
          {
            key: packet.data.key,
            value: packet.data.value,
            headers: {
              [REPLY_TOPIC_HEADER]: replyTopic(topic),
              [CORRELATION_HEADER]: correlationId,
            },
          },
        ]),
      )
      .catch((err: unknown) => {
        this.pending.delete(correlationId);
        callback({ err, isDisposed: true });
      });
    return () => this.pending.delete(correlationId);
  }

  protected async dispatchEvent<T = void>(packet: ReadPacket<TransportRecord>): Promise<T> {
    await this.producer.sendRecord(packet.pattern as string, packet.data);
    return undefined as T;
  }

  private listenForReplies(): Promise<Consumer> {
    this.replies ??= this.startReplyConsumer();
    return this.replies;
  }

  /** Resolves once the consumer fetched, so its start offset predates any request sent after. */
  private async startReplyConsumer(): Promise<Consumer> {
    const topics = this.options.requestTopics.map(replyTopic);
    await ensureTopics(this.kafka, topics, this.options.partitions);
    const consumer = this.kafka.consumer({
      groupId: `${this.options.group}.replies.${randomUUID()}`,
      maxWaitTimeInMs: this.options.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: false });
    const fetched = new Promise<void>((resolve) => {
      const stop = consumer.on(consumer.events.FETCH, () => {
        stop();
        resolve();
      });
    });
    await consumer.run({
      eachMessage: ({ message }) => {
        const correlationId = headerText(message.headers?.[CORRELATION_HEADER]);
        const request = correlationId ? this.pending.get(correlationId) : undefined;
        if (correlationId && request) {
          this.pending.delete(correlationId);
          request.callback(toWritePacket(request.topic, message.value?.toString() ?? ''));
        }
        return Promise.resolve();
      },
    });
    await fetched;
    this.log.debug(`Listening for replies on ${topics.join(', ')}`);
    return consumer;
  }
}

interface PendingRequest {
  topic: string;
  callback: (packet: WritePacket) => void;
}

function toWritePacket(topic: string, value: string): WritePacket {
  try {
    const reply = JSON.parse(value) as KafkaReply;
    return reply.ok
      ? { response: reply.reply, isDisposed: true }
      : { err: new RequestFailedError(topic, reply.reason), isDisposed: true };
  } catch (error) {
    return { err: error, isDisposed: true };
  }
}
