import { Registry } from 'prom-client';

import { RetryPolicy } from './consumer/retry-policy';

export type MessagingTransport = 'memory' | 'kafka';

/** Timing knobs of the Kafka consumers; the defaults suit a real cluster, tests shorten them. */
export interface KafkaTuning {
  /** Partitions of the topics created at start. Default 3. */
  partitions?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Longest fetch long-poll when a topic is idle. Default 500 ms. */
  maxWaitTimeMs?: number;
  /** Partitions handled in parallel by one app (order holds within a partition). Default 4. */
  partitionsConsumedConcurrently?: number;
  /** Compression of produced batches: none (default) or gzip (built into kafkajs). */
  compression?: 'none' | 'gzip';
}

export interface MessagingModuleOptions {
  /** memory: in-process (all-in-one app, tests); kafka: per-app deployment. */
  transport: MessagingTransport;
  /** Consumer group: the app's name (`order-management`); names consumers in the inbox and dead letters. */
  group: string;
  /** Kafka bootstrap brokers (`host:port`); required for `kafka`. */
  brokers?: string[];
  /** Kafka client id; defaults to the group. */
  clientId?: string;
  kafka?: KafkaTuning;
  retry?: Partial<RetryPolicy>;
  /** Default wait for a reply to `request()`. */
  requestTimeoutMs?: number;
  /** Where consumer counters are registered; a fresh registry when omitted. */
  metricsRegistry?: Registry;
  /**
   * memory (default): ids remembered in-process; database: `inbox_messages` rows written in the
   * handler's transaction (needs TypeORM's DataSource, e.g. DatabaseModule, in the app).
   */
  inbox?: 'memory' | 'database';
  /** Provides OutboxWriter and runs OutboxRelay every `relayIntervalMs` (needs TypeORM's DataSource). */
  outbox?: { relayIntervalMs?: number; batchSize?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** The Nest transport strategy (a Server) to pass to `connectMicroservice({ strategy })`. */
export const MESSAGING_STRATEGY = Symbol('MESSAGING_STRATEGY');

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
