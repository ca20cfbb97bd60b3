import { z } from 'zod';

import { isoDateTime } from '../common.schema';

/**
 * Admin commands for the order circuit breaker (topic orders.commands.v1, request/reply).
 * halt stops new orders until resume; status only reads. Every command replies with the state.
 */
export const orderCommandV1Schema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('halt'),
    reason: z.string().min(1).max(500),
    requestedBy: z.string().min(1).max(64),
  }),
  z.object({ command: z.literal('resume'), requestedBy: z.string().min(1).max(64) }),
  z.object({ command: z.literal('status') }),
]);

/** closed = trading; open = tripped by failures; half_open = probing; halted = stopped by an admin. */
export const breakerStateSchema = z.enum(['closed', 'open', 'half_open', 'halted']);

export const orderCommandReplyV1Schema = z.object({
  state: breakerStateSchema,
  reason: z.string().min(1).max(500).nullable(),
  changedAt: isoDateTime.nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
});

export type OrderCommandV1 = z.infer<typeof orderCommandV1Schema>;
export type OrderCommandReplyV1 = z.infer<typeof orderCommandReplyV1Schema>;
export type BreakerState = z.infer<typeof breakerStateSchema>;
