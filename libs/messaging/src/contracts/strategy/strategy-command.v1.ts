import { z } from 'zod';

import { isoDateTime } from '../common.schema';

const strategyId = z.string().min(1).max(64);
const reason = z.string().min(1).max(500);
const requestedBy = z.string().min(1).max(64);

/**
 * Commands to the trading engine running a strategy instance (topic strategy.commands.v1,
 * request/reply): pause (no new entries; exits still go out) and resume. Both are idempotent:
 * the reply is the instance's resulting state.
 */
export const strategyCommandV1Schema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('pause'),
    strategyId,
    reason: reason.optional(),
    requestedBy: requestedBy.optional(),
  }),
  z.object({
    command: z.literal('resume'),
    strategyId,
    reason: reason.optional(),
    requestedBy: requestedBy.optional(),
  }),
]);

/** running: enters and exits; paused: exits only. */
export const strategyStateSchema = z.enum(['running', 'paused']);

/**
 * The reply: `strategy` with the instance's state after the command (who changed it, when, why),
 * or `rejected` with an error code (STRATEGY_NOT_FOUND: this engine does not run that instance).
 */
export const strategyCommandReplyV1Schema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('strategy'),
    strategyId,
    state: strategyStateSchema,
    /** Why it was paused; null while running. */
    pausedReason: reason.nullable(),
    changedBy: requestedBy.nullable(),
    updatedAt: isoDateTime,
  }),
  z.object({
    outcome: z.literal('rejected'),
    code: z.string().regex(/^[A-Z][A-Z_]*$/, 'an error code like STRATEGY_NOT_FOUND'),
    reason: reason,
  }),
]);

export type StrategyCommandV1 = z.infer<typeof strategyCommandV1Schema>;
export type StrategyCommandReplyV1 = z.infer<typeof strategyCommandReplyV1Schema>;
export type StrategyStateV1 = z.infer<typeof strategyStateSchema>;
