import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';

import { ConsumerPipeline, DeliveryOutcome } from '../consumer/consumer-pipeline';
import type { Delivery } from '../consumer/handler-table';
import { PipelineTransportServer } from '../consumer/pipeline-transport.server';
import { KafkaTuning } from '../messaging.options';
import { deadLetterTopic } from '../topics';
import { ensureTopics } from './kafka-connection';
import { KafkaProducer } from './kafka-producer';
import {
  CORRELATION_HEADER,
  headerText,
  KafkaReply,
  REPLY_TOPIC_HEADER,
  replyTopic,
} from './kafka-reply';

export const KAFKA_DEFAULTS: Required<KafkaTuning> = {
  partitions: 3,
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  maxWaitTimeMs: 500,
  partitionsConsumedConcurrently: 4,
  compression: 'none',
};

/**
 * Nest transport strategy on kafkajs: one consumer group per app over every topic it handles.
 * Handlers of `delivery: 'every-instance'` read in a second group of this instance alone
 * (`<app>.instance.<uuid>`, from the newest offset), so every instance gets every message.
 * Each record goes through the shared ConsumerPipeline; its offset is resolved (and committed)
 * only after the pipeline finished with it, so a crash redelivers and never loses (at-least-once).
 * Requests are answered on `<topic>.reply` with the requester's correlation id.
 */
export class KafkaTransportServer extends PipelineTransportServer {
  private readonly closing = new AbortController();
  private readonly log = new Logger(KafkaTransportServer.name);
  private readonly consumers: Consumer[] = [];

  constructor(
    private readonly kafka: Kafka,
    /** The app's producer, shared with the dead-letter sink and the publisher. */
    private readonly producer: KafkaProducer,
    private readonly pipeline: ConsumerPipeline,
    private readonly group: string,
    private readonly tuning: Required<KafkaTuning>,
  ) {
    super(group);
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /** Stops fetching; the record in hand finishes (a retry wait is cut short and redelivered later). */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.all(this.consumers.splice(0).map((consumer) => consumer.disconnect()));
  }

  on(): never {
    throw new Error('KafkaTransportServer emits no events');
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }

  /** The topics the app's consumer group reads once it runs (not an instance's own); none before. */
  topics(): string[] {
    return this.consumers.length > 0
      ? [...this.table.eventTopics('group'), ...this.table.requestTopics()]
      : [];
  }

  private async start(): Promise<void> {
    const events = this.table.eventTopics('group');
    const requests = this.table.requestTopics();
    const topics = [...events, ...requests];
    const live = this.table.eventTopics('every-instance');
    if (topics.length === 0 && live.length === 0) {
      return;
    }
    await this.producer.connect();
    const consumed = [...topics, ...live];
    await ensureTopics(
      this.kafka,
      [...consumed, ...consumed.map(deadLetterTopic), ...requests.map(replyTopic)],
      this.tuning.partitions,
    );
    if (topics.length > 0) {
      // A new group reads what was published before the app first started.
      await this.run(this.group, topics, true, 'group');
    }
    if (live.length > 0) {
      await this.run(`${this.group}.instance.${randomUUID()}`, live, false, 'every-instance');
    }
  }

  private async run(
    groupId: string,
    topics: string[],
    fromBeginning: boolean,
    delivery: Delivery,
  ): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId,
      sessionTimeout: this.tuning.sessionTimeoutMs,
      heartbeatInterval: this.tuning.heartbeatIntervalMs,
      maxWaitTimeInMs: this.tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning });
    // The app's group is started once joined; an instance's group (from the newest offset) once it
    // fetched, so its start offset predates anything sent after.
    const started = new Promise<void>((resolve) => {
      const event = fromBeginning ? consumer.events.GROUP_JOIN : consumer.events.FETCH;
      const stop = consumer.on(event, () => {
        stop();
        resolve();
      });
    });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.tuning.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload, delivery),
    });
    await started;
  }

  private async handleBatch(payload: EachBatchPayload, delivery: Delivery): Promise<void> {
    const { batch } = payload;
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale() || this.closing.signal.aborted) {
        return;
      }
      const outcome = await whileBeating(payload, this.tuning.heartbeatIntervalMs, () =>
        this.handle(batch.topic, message, delivery),
      );
      if (outcome === 'abandoned') {
        return;
      }
      payload.resolveOffset(message.offset);
      await payload.commitOffsetsIfNecessary();
    }
  }

  private async handle(
    topic: string,
    message: KafkaMessage,
    delivery: Delivery,
  ): Promise<DeliveryOutcome> {
    const record = { key: message.key?.toString() ?? null, value: message.value ?? '' };
    const respond = this.table.responderOf(topic);
    if (!respond) {
      return this.pipeline.consumeEvent(
        topic,
        record,
        this.group,
        this.table.consumersOf(topic, delivery),
        this.closing.signal,
      );
    }
    const outcome = await this.pipeline.answerRequest(topic, record, this.group, respond);
    const to = headerText(message.headers?.[REPLY_TOPIC_HEADER]);
    const correlationId = headerText(message.headers?.[CORRELATION_HEADER]);
    if (!to || !correlationId) {
      this.log.warn(`Request on ${topic} at offset ${message.offset} has no reply address`);
      return 'done';
    }
    const reply: KafkaReply = outcome;
    await this.producer.send(to, [
      {
        key: correlationId,
        value: JSON.stringify(reply),
        headers: { [CORRELATION_HEADER]: correlationId },
      },
    ]);
    return 'done';
  }
}

/** Runs `work` while heartbeating, so a long handler (retry backoff) does not lose the partition. */
async function whileBeating<T>(
  payload: Pick<EachBatchPayload, 'heartbeat'>,
  intervalMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => {
    payload.heartbeat().catch(() => undefined);
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
