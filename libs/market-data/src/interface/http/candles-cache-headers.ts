import { createHash } from 'node:crypto';

import { settledBefore } from '../../domain/settled-candles';
import type { Timeframe } from '../../domain/timeframe';

/** A range of settled candles does not change short of a backfill: a day, then revalidated. */
const SETTLED_CACHE_CONTROL = 'public, max-age=86400, immutable';
/** The forming candle, or closed ones a refresh may still change: revalidated every time. */
const LIVE_CACHE_CONTROL = 'no-cache';

/** A strong ETag of the response content, and how long a client may keep it. */
export function candlesCacheHeaders(
  body: object,
  timeframe: Timeframe,
  to: string | undefined,
  now: Date,
): { ETag: string; 'Cache-Control': string } {
  const settled = to !== undefined && new Date(to) < settledBefore(timeframe, now);
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  return {
    ETag: `"${digest}"`,
    'Cache-Control': settled ? SETTLED_CACHE_CONTROL : LIVE_CACHE_CONTROL,
  };
}
