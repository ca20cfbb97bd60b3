import { z } from 'zod';

import { concern, csv, variable } from './variable';

export const messagingConcern = concern({
  variables: {
    TRANSPORT: variable(z.enum(['memory', 'kafka']), {
      doc: 'App-to-app messages: in-process (all-in-one) or Kafka.',
      default: 'memory',
    }),
    KAFKA_BROKERS: variable(csv.optional(), {
      doc: 'Comma-separated Kafka brokers (host:port). Required when TRANSPORT=kafka.',
    }),
    KAFKA_CLIENT_ID: variable(z.string().min(1), { doc: 'Kafka client id.', default: 'nexwave' }),
    REDIS_URL: variable(
      z
        .string()
        .regex(/^rediss?:\/\//, 'must be a redis:// URL')
        .optional(),
      {
        doc: 'Redis for order-book streams. Unset: in-memory streams (all-in-one only).',
        secret: true,
      },
    ),
  },
  check: (v) =>
    v.TRANSPORT === 'kafka' && !v.KAFKA_BROKERS?.length
      ? ['KAFKA_BROKERS is required when TRANSPORT=kafka']
      : [],
  build: (v) => ({
    transport: v.TRANSPORT,
    kafkaBrokers: v.KAFKA_BROKERS ?? [],
    kafkaClientId: v.KAFKA_CLIENT_ID,
    redisUrl: v.REDIS_URL,
  }),
});
