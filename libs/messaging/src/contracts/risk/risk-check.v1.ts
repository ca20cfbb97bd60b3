import { z } from 'zod';

import {
  decimalString,
  isoDateTime,
  positiveDecimalString,
  sideSchema,
  symbolSchema,
} from '../common.schema';

/** A signed decimal string: a position's size is negative when short, a PnL below zero. */
const signedDecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a signed decimal string like "-12.5"');

export const riskRuleSchema = z.enum(['daily_loss', 'order_size', 'position_limit', 'leverage']);

export const orderIntentSchema = z.enum(['entry', 'exit']);

/** A position as the strategy sees it: signed size in base units, entry and mark prices. */
export const riskPositionV1Schema = z.object({
  symbol: symbolSchema,
  size: signedDecimalString,
  entryPrice: positiveDecimalString,
  markPrice: positiveDecimalString,
});

/**
 * A strategy asks the risk context to check one order it wants to send (topic risk.checks.v1,
 * request/reply): the order, valued at `price`, and the portfolio the strategy sees (equity marked
 * to market, its open positions). The same clientOrderId checked twice gets the stored decision.
 */
export const riskCheckV1Schema = z.object({
  strategyId: z.string().min(1).max(64),
  clientOrderId: z.uuid(),
  symbol: symbolSchema,
  side: sideSchema,
  intent: orderIntentSchema,
  amount: positiveDecimalString,
  price: positiveDecimalString,
  reduceOnly: z.boolean(),
  portfolio: z.object({
    equityUsd: decimalString,
    positions: z.array(riskPositionV1Schema).max(1000),
  }),
});

/**
 * One rule's decision: `limit` and `actual` in the rule's unit (USD, a ratio for leverage),
 * `numbers` the other values it saw (e.g. startEquityUsd, resultingSize).
 */
export const ruleDecisionV1Schema = z.object({
  rule: riskRuleSchema,
  approved: z.boolean(),
  limit: signedDecimalString,
  actual: signedDecimalString,
  reason: z.string().min(1),
  numbers: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
});

/** The decision: approved only when every checked rule approved; `failedRule` the first refusal. */
export const riskCheckReplyV1Schema = z
  .object({
    clientOrderId: z.uuid(),
    approved: z.boolean(),
    failedRule: riskRuleSchema.nullable(),
    reason: z.string().min(1),
    /** An "exit" that does not really reduce a position is checked as an entry. */
    checkedAs: orderIntentSchema,
    rules: z.array(ruleDecisionV1Schema).min(1),
    decidedAt: isoDateTime,
  })
  .refine((reply) => reply.approved === (reply.failedRule === null), {
    message: 'approved exactly when no rule failed',
    path: ['failedRule'],
  });

export type RiskCheckV1 = z.infer<typeof riskCheckV1Schema>;
export type RiskCheckReplyV1 = z.infer<typeof riskCheckReplyV1Schema>;
export type RuleDecisionV1 = z.infer<typeof ruleDecisionV1Schema>;
