import { z } from 'zod';

import { decimalString, isoDateTime, positiveDecimalString, symbolSchema } from '../common.schema';

/**
 * One closed candle (topic marketdata.candles.v1, key symbol): published once per symbol,
 * timeframe and bucket, shortly after the bucket ended, for symbols that traded in it.
 */
export const candleV1Schema = z.object({
  symbol: symbolSchema,
  timeframe: z.enum(['1m', '5m', '15m', '1h', '4h', '1d']),
  /** Open time of the bucket, ISO 8601 UTC. */
  bucketStart: isoDateTime,
  open: positiveDecimalString,
  high: positiveDecimalString,
  low: positiveDecimalString,
  close: positiveDecimalString,
  /** Sum of trade sizes (base units). */
  volume: decimalString,
  tradeCount: z.number().int().positive(),
});

export type CandleV1 = z.infer<typeof candleV1Schema>;
