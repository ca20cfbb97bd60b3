import { Counter, Gauge, Registry } from 'prom-client';

import { within } from './read-within';

/** A scrape never waits longer than this for the database. */
const BACKLOG_TIMEOUT_MS = 1_000;
/** Nor this long for Kafka (the first reading connects an admin client). */
const KAFKA_TIMEOUT_MS = 3_000;

/** What the Kafka gauges read at each scrape: counts per topic. */
export interface KafkaReadings {
  /** The app's consumer group. */
  group: string;
  /** Messages of each consumed topic the app's group has not committed yet. */
  consumerLag(): Promise<Map<string, number>>;
  /** Messages in the dead-letter topic of each consumed topic, by the consumed topic. */
  deadLetters(): Promise<Map<string, number>>;
}

/** Consumer counters; registered in the given registry (one per app) so tests never collide. */
export class MessagingMetrics {
  readonly deadLetters: Counter<'topic' | 'consumer' | 'stage'>;
  readonly retries: Counter<'topic' | 'consumer'>;
  readonly duplicates: Counter<'topic' | 'consumer'>;
  readonly outboxBacklog: Gauge;
  readonly kafkaConsumerLag: Gauge<'topic' | 'group'>;
  readonly kafkaDeadLetters: Gauge<'topic'>;
  private backlog: (() => Promise<number>) | null = null;
  private kafka: KafkaReadings | null = null;

  constructor(readonly registry: Registry = new Registry()) {
    this.deadLetters = new Counter({
      name: 'nexwave_messages_dead_lettered_total',
      help: 'Messages sent to a dead-letter topic, by topic, consumer and stage',
      labelNames: ['topic', 'consumer', 'stage'],
      registers: [registry],
    });
    this.retries = new Counter({
      name: 'nexwave_message_retries_total',
      help: 'Handler attempts retried after a retriable error',
      labelNames: ['topic', 'consumer'],
      registers: [registry],
    });
    this.duplicates = new Counter({
      name: 'nexwave_messages_duplicate_total',
      help: 'Messages skipped because the consumer had already handled their id',
      labelNames: ['topic', 'consumer'],
      registers: [registry],
    });
    const backlog = () => this.readBacklog();
    this.outboxBacklog = new Gauge({
      name: 'nexwave_outbox_backlog_messages',
      help: 'Outbox messages written but not yet published (0 without an outbox; kept at its last value while the database does not answer)',
      registers: [registry],
      async collect() {
        const count = await backlog();
        if (count !== null) {
          this.set(count);
        }
      },
    });
    const kafka = () => this.kafka;
    this.kafkaConsumerLag = new Gauge({
      name: 'nexwave_kafka_consumer_lag_messages',
      help: "Messages of each consumed topic the app's consumer group has not committed (Kafka transport; kept at its last value while Kafka does not answer)",
      labelNames: ['topic', 'group'],
      registers: [registry],
      async collect() {
        const readings = kafka();
        const lag = await within(readings?.consumerLag(), KAFKA_TIMEOUT_MS);
        lag?.forEach((messages, topic) => this.set({ topic, group: readings?.group }, messages));
      },
    });
    this.kafkaDeadLetters = new Gauge({
      name: 'nexwave_kafka_dead_letter_messages',
      help: 'Messages in the dead-letter topic (<topic>.dlq) of each consumed topic (Kafka transport)',
      labelNames: ['topic'],
      registers: [registry],
      async collect() {
        const counts = await within(kafka()?.deadLetters(), KAFKA_TIMEOUT_MS);
        counts?.forEach((messages, topic) => this.set({ topic }, messages));
      },
    });
  }

  /** Where the Kafka gauges read at each scrape (the app's Kafka transport). */
  observeKafka(readings: KafkaReadings): void {
    this.kafka = readings;
  }

  /** Where the backlog gauge reads at each scrape (the app's outbox relay). */
  observeOutboxBacklog(count: () => Promise<number>): void {
    this.backlog = count;
  }

  private readBacklog(): Promise<number | null> {
    return within(this.backlog?.(), BACKLOG_TIMEOUT_MS);
  }

  async deadLettered(topic: string): Promise<number> {
    const { values } = await this.deadLetters.get();
    return values
      .filter((sample) => sample.labels.topic === topic)
      .reduce((sum, sample) => sum + sample.value, 0);
  }
}
