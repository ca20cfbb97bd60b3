import { z } from 'zod';

import { isoDateTime, symbolSchema } from '../common.schema';
import { orderStateV1Schema } from './order-event.v1';
import { orderRequestV1Schema } from './order-request.v1';

const requestedBy = z.string().min(1).max(64);

/**
 * Commands to order management (topic orders.commands.v1, request/reply): place, cancel and
 * cancel_all orders; halt, resume and read the circuit breaker. The same command handlers serve
 * REST and GraphQL. Amended in place (place, cancel, cancel_all, typed replies) while nothing
 * consumed v1 yet.
 */
export const orderCommandV1Schema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('place'), request: orderRequestV1Schema }),
  z.object({
    command: z.literal('cancel'),
    clientOrderId: z.uuid(),
    /** Who asked, kept in the cancel's reason; added after v1 shipped, hence optional. */
    requestedBy: requestedBy.optional(),
  }),
  /** Every working order, or only those of `symbol`. */
  z.object({
    command: z.literal('cancel_all'),
    symbol: symbolSchema.nullable(),
    requestedBy: requestedBy.optional(),
  }),
  z.object({ command: z.literal('halt'), reason: z.string().min(1).max(500), requestedBy }),
  z.object({
    command: z.literal('resume'),
    requestedBy,
    /** Why, kept in the breaker's audit trail; added after v1 shipped, hence optional. */
    reason: z.string().min(1).max(500).optional(),
  }),
  z.object({ command: z.literal('status') }),
]);

/** closed = trading; open = tripped by failures; half_open = probing; halted = stopped by an admin. */
export const breakerStateSchema = z.enum(['closed', 'open', 'half_open', 'halted']);

/**
 * The reply to each command: `breaker` (halt, resume, status), `order` (place, cancel: the order's
 * state), `canceled` (cancel_all: the orders asked to cancel), or `rejected` with an error code
 * and the reason (e.g. TRADING_HALTED with who halted and why).
 */
export const orderCommandReplyV1Schema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('breaker'),
    state: breakerStateSchema,
    reason: z.string().min(1).max(500).nullable(),
    /** Who halted or resumed it; null for automatic changes. */
    changedBy: z.string().min(1).max(64).nullable(),
    changedAt: isoDateTime.nullable(),
    consecutiveFailures: z.number().int().nonnegative(),
  }),
  z.object({ outcome: z.literal('order'), order: orderStateV1Schema }),
  z.object({ outcome: z.literal('canceled'), clientOrderIds: z.array(z.uuid()) }),
  z.object({
    outcome: z.literal('rejected'),
    code: z.string().regex(/^[A-Z][A-Z_]*$/, 'an error code like TRADING_HALTED'),
    reason: z.string().min(1).max(500),
  }),
]);

export type OrderCommandV1 = z.infer<typeof orderCommandV1Schema>;
export type OrderCommandReplyV1 = z.infer<typeof orderCommandReplyV1Schema>;
export type BreakerState = z.infer<typeof breakerStateSchema>;
