import { z } from 'zod';

import { createEnvelope, Envelope } from './envelope';
import { deadLetterTopic } from './topics';

/** envelope/payload: the message did not parse; handler: it parsed but could not be handled. */
export const deadLetterStageSchema = z.enum(['envelope', 'payload', 'handler']);
export type DeadLetterStage = z.infer<typeof deadLetterStageSchema>;

/** Payload of a message on `<topic>.dlq`: enough to inspect it and replay the original by hand. */
export const deadLetterV1Schema = z.object({
  topic: z.string().min(1),
  consumer: z.string().min(1),
  stage: deadLetterStageSchema,
  reason: z.string(),
  attempts: z.number().int().nonnegative(),
  /** The original message id when its envelope parsed. */
  messageId: z.string().nullable(),
  /** The original value exactly as received. */
  raw: z.string(),
});

export type DeadLetterV1 = z.infer<typeof deadLetterV1Schema>;

export interface DeadLetterInput {
  topic: string;
  consumer: string;
  stage: DeadLetterStage;
  reason: string;
  attempts: number;
  raw: string;
  key: string | null;
  original?: Pick<Envelope, 'id' | 'correlationId'>;
}

export function deadLetterEnvelope(input: DeadLetterInput): {
  topic: string;
  envelope: Envelope<DeadLetterV1>;
} {
  const envelope = createEnvelope<DeadLetterV1>({
    type: 'dead-letter',
    v: 1,
    key: input.key ?? input.topic,
    correlationId: input.original?.correlationId,
    causationId: input.original?.id ?? null,
    payload: {
      topic: input.topic,
      consumer: input.consumer,
      stage: input.stage,
      reason: input.reason,
      attempts: input.attempts,
      messageId: input.original?.id ?? null,
      raw: input.raw,
    },
  });
  return { topic: deadLetterTopic(input.topic), envelope };
}
