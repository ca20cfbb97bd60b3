import { z } from 'zod';

import { positiveDecimalString, sideSchema, symbolSchema } from '../common.schema';

/** Pacifica time in force: GTC rests, IOC fills or cancels, ALO/TOB are post-only. */
export const timeInForceSchema = z.enum(['GTC', 'IOC', 'ALO', 'TOB']);

const metadataSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

const orderRequestBase = z.object({
  /** Idempotency key: submitting the same request twice creates one order. */
  clientOrderId: z.uuid(),
  strategyId: z.string().min(1).max(64),
  symbol: symbolSchema,
  side: sideSchema,
  /** Base units. */
  amount: positiveDecimalString,
  reduceOnly: z.boolean(),
  paperTrading: z.boolean(),
  metadata: metadataSchema,
});

/**
 * A strategy asks order management to place an order (topic orders.requests.v1, key clientOrderId).
 * Market orders carry a slippage bound and no price; limit orders carry a price and a TIF.
 */
export const orderRequestV1Schema = z.discriminatedUnion('orderType', [
  orderRequestBase.extend({
    orderType: z.literal('market'),
    price: z.null(),
    tif: z.null(),
    /** Percent: "0.5" = 0.5 %. */
    slippagePercent: positiveDecimalString,
  }),
  orderRequestBase.extend({
    orderType: z.literal('limit'),
    price: positiveDecimalString,
    tif: timeInForceSchema,
    slippagePercent: z.null(),
  }),
]);

export type OrderRequestV1 = z.infer<typeof orderRequestV1Schema>;
export type TimeInForce = z.infer<typeof timeInForceSchema>;
