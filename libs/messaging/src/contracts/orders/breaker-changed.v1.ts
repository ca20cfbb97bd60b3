import { z } from 'zod';

import { isoDateTime } from '../common.schema';
import { breakerStateSchema } from './order-command.v1';

/**
 * One change of the order circuit breaker (topic orders.breaker.v1, one key: changes stay in
 * order), written through the outbox with the stored transition (the audit trail).
 */
export const breakerChangedV1Schema = z.object({
  from: breakerStateSchema,
  to: breakerStateSchema,
  /** When it changed, ISO 8601 UTC. */
  at: isoDateTime,
  reason: z.string(),
  /** The admin who halted or resumed it; null for automatic changes. */
  by: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
});

export type BreakerChangedV1 = z.infer<typeof breakerChangedV1Schema>;
