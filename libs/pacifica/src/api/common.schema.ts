import { z } from 'zod';

/** Prices, sizes and rates: decimal strings on the wire, kept as strings. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/** Milliseconds since the epoch, order ids, counts. */
export const integer = z.number().int();

export const orderSide = z.enum(['bid', 'ask']);
export type OrderSide = z.output<typeof orderSide>;

/** Trade direction as Pacifica reports fills: open_long, open_short, close_long, close_short. */
export const tradeSide = z.enum(['open_long', 'open_short', 'close_long', 'close_short']);
export type TradeSide = z.output<typeof tradeSide>;

export const orderStatus = z.enum(['open', 'partially_filled', 'filled', 'cancelled', 'rejected']);
export type OrderStatus = z.output<typeof orderStatus>;

export const timeInForce = z.enum(['GTC', 'IOC', 'ALO', 'TOB']);
export type TimeInForce = z.output<typeof timeInForce>;

/** Optional fields arrive as null or are missing; both become null. */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? null);
}

/** Top-level fields beside `data` on paginated lists; cursors are opaque, numbers become strings. */
export const pageMetaSchema = z.object({
  next_cursor: nullable(z.union([z.string(), z.number()]).transform(String)),
  has_more: z.boolean().default(false),
});

/** Top-level `last_order_id` beside `data` on `/positions` and `/orders`. */
export const snapshotMetaSchema = z.object({ last_order_id: nullable(integer) });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

/** Lists that carry the exchange-wide `last_order_id` used to sequence events across streams. */
export interface Snapshot<T> {
  items: T[];
  lastOrderId: number | null;
}
