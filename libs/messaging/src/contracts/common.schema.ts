import { z } from 'zod';

/** Money, price and size on the wire: a non-negative decimal string, never a float. */
export const decimalString = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a decimal string like "12.5"');

export const positiveDecimalString = decimalString.refine(
  (value) => /[1-9]/.test(value),
  'must be greater than zero',
);

/** Pacifica symbols are case-sensitive (`BTC`, `kBONK`): never upper-case them. */
export const symbolSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'must be an exchange symbol like "BTC" or "kBONK"');

/** Book side: `bid` is buy/long, `ask` is sell/short. */
export const sideSchema = z.enum(['bid', 'ask']);

export const isoDateTime = z.iso.datetime({ offset: true });
