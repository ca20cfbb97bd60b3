import { z } from 'zod';

import { decimalString, isoDateTime, positiveDecimalString, symbolSchema } from '../common.schema';

const orderBookLevelV1Schema = z.object({
  price: positiveDecimalString,
  amount: positiveDecimalString,
  orders: z.number().int().nonnegative(),
  /** price × amount, exact. */
  notionalUsd: decimalString,
});

/**
 * One full book snapshot (stream `orderbook:{SYMBOL}`, one JSON `data` field per entry). Each side
 * best first: bids descending, asks ascending; only levels with a positive price and amount.
 */
export const orderBookV1Schema = z.object({
  symbol: symbolSchema,
  /** Exchange time of the snapshot. */
  time: isoDateTime,
  /** Exchange sequence when the feed carries one. */
  sequence: z.number().int().nonnegative().optional(),
  bids: z.array(orderBookLevelV1Schema),
  asks: z.array(orderBookLevelV1Schema),
});

export type OrderBookV1 = z.infer<typeof orderBookV1Schema>;
export type OrderBookLevelV1 = z.infer<typeof orderBookLevelV1Schema>;
