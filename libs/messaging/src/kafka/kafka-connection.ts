import { Logger } from '@nestjs/common';
import { Kafka, LogEntry, logLevel, Partitioners, Producer } from 'kafkajs';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

/** kafkajs retries broker calls itself: 300 ms, then doubling with jitter, 8 times. */
const KAFKA_RETRY = { initialRetryTime: 300, retries: 8 };

/**
 * A kafkajs client whose own logging goes to the Nest logger, warnings and errors only.
 * `retries`: how often broker calls are retried (a probe, repeated anyway, wants none).
 */
export function createKafka(
  { brokers, clientId }: KafkaConnection,
  retries = KAFKA_RETRY.retries,
): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    brokers,
    clientId,
    retry: { ...KAFKA_RETRY, retries },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const line = `${namespace}: ${log.message}`;
        if (level === logLevel.ERROR) {
          logger.error(line);
        } else if (level === logLevel.WARN) {
          logger.warn(line);
        }
      },
  });
}

/** Plain acks=all producer: no idempotence (not every broker we test against offers it), no compression. */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: true,
  });
}

/** Creates the topics that do not exist yet; existing ones are left as they are. */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  partitions: number,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}
