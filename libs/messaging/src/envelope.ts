import { z } from 'zod';

import { uuidv7 } from '@nexwave/core';

import { isoDateTime } from './contracts/common.schema';

/**
 * Every integration message travels in this envelope. `key` is the partition key (symbol for
 * market data and whales, clientOrderId for orders): messages with one key are handled in order.
 */
export const envelopeSchema = z.object({
  id: z.uuid({ version: 'v7' }),
  type: z.string().min(1),
  v: z.number().int().positive(),
  occurredAt: isoDateTime,
  correlationId: z.string().min(1).max(128),
  causationId: z.string().min(1).max(128).nullable(),
  key: z.string().min(1).max(128),
  payload: z.unknown(),
});

export type Envelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & {
  payload: P;
};

export interface CreateEnvelopeInput<P> {
  type: string;
  v: number;
  key: string;
  payload: P;
  /** Defaults to the new message's own id: it starts a chain. */
  correlationId?: string;
  /** The id of the message that caused this one, if any. */
  causationId?: string | null;
  occurredAt?: Date;
}

export function createEnvelope<P>(input: CreateEnvelopeInput<P>): Envelope<P> {
  const occurredAt = input.occurredAt ?? new Date();
  const id = uuidv7(occurredAt.getTime());
  return {
    id,
    type: input.type,
    v: input.v,
    occurredAt: occurredAt.toISOString(),
    correlationId: input.correlationId ?? id,
    causationId: input.causationId ?? null,
    key: input.key,
    payload: input.payload,
  };
}
