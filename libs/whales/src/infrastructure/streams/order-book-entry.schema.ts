import { z } from 'zod';

import type { OrderBookSnapshot } from '../../domain/order-book';

const level = z.object({
  price: z.string(),
  amount: z.string(),
  orders: z.number().int().nonnegative(),
});

/**
 * An `orderbook:{SYMBOL}` entry as market-data writes it (JSON `data` field: `{symbol, time (ISO),
 * sequence?, bids, asks}`, levels `{price, amount, orders, notionalUsd}`, best first). Unknown
 * fields are ignored; malformed level values are left to the detector, which skips them.
 */
const orderBookEntrySchema = z.object({
  symbol: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  bids: z.array(level),
  asks: z.array(level),
});

/** The snapshot in an entry's JSON, or an error message naming what is wrong. */
export function parseOrderBookEntry(json: unknown): OrderBookSnapshot | string {
  const parsed = orderBookEntrySchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`)
      .join('; ');
  }
  const { symbol, time, bids, asks } = parsed.data;
  const strip = (levels: typeof bids) =>
    levels.map(({ price, amount, orders }) => ({ price, amount, orders }));
  return { symbol, time: new Date(time), bids: strip(bids), asks: strip(asks) };
}
