import { z } from 'zod';

import { Decimal } from '@nexwave/core';

import { isoDateTime, positiveDecimalString, sideSchema, symbolSchema } from '../common.schema';

/**
 * Large resting liquidity seen in the order book (topic whales.detected.v1, key symbol).
 * `side` is the book side it rests on; `single` is one level, `ladder` is 3+ similar levels.
 */
export const whaleDetectedV1Schema = z
  .object({
    activityId: z.uuid(),
    symbol: symbolSchema,
    side: sideSchema,
    kind: z.enum(['single', 'ladder']),
    priceLow: positiveDecimalString,
    priceHigh: positiveDecimalString,
    /** Base units summed over the levels. */
    size: positiveDecimalString,
    /** Σ price × size over the levels, in USD. */
    notionalUsd: positiveDecimalString,
    levels: z.number().int().positive(),
    /** Resting orders over the levels (Pacifica's `n`). */
    orderCount: z.number().int().positive(),
    confidence: z.number().min(0.6).max(0.95),
    firstSeenAt: isoDateTime,
    lastSeenAt: isoDateTime,
  })
  .superRefine((whale, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (new Decimal(whale.priceLow).gt(whale.priceHigh)) {
      issue('priceLow', 'cannot exceed priceHigh');
    }
    if (whale.kind === 'single' && whale.levels !== 1) {
      issue('levels', 'a single whale sits on one level');
    }
    if (whale.kind === 'ladder' && whale.levels < 3) {
      issue('levels', 'a ladder spans at least 3 levels');
    }
    if (whale.orderCount < whale.levels) {
      issue('orderCount', 'each level holds at least one order');
    }
    if (Date.parse(whale.firstSeenAt) > Date.parse(whale.lastSeenAt)) {
      issue('firstSeenAt', 'cannot be after lastSeenAt');
    }
  });

export type WhaleDetectedV1 = z.infer<typeof whaleDetectedV1Schema>;
