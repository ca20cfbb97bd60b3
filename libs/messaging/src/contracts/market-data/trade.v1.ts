import { z } from 'zod';

import { isoDateTime, positiveDecimalString, sideSchema, symbolSchema } from '../common.schema';

/**
 * One public trade (topic marketdata.trades.v1, key symbol; and each entry of stream
 * `trades:{SYMBOL}`, as flat string fields). `side` is the taker's side:
 * `bid` = buyer-initiated (Pacifica open_long/close_short), `ask` = seller-initiated.
 */
export const tradeV1Schema = z.object({
  symbol: symbolSchema,
  /** Exchange history id: unique per trade, used to drop duplicates. */
  tradeId: z.string().min(1).max(64),
  price: positiveDecimalString,
  size: positiveDecimalString,
  side: sideSchema,
  /** Exchange time of the trade, not receive time. */
  time: isoDateTime,
});

export type TradeV1 = z.infer<typeof tradeV1Schema>;
