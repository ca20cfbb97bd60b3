import { backoffDelay, type BackoffPolicy } from '@nexwave/core';

/** How many times an alert is tried before it is given up ('failed'). */
export const MAX_ALERT_ATTEMPTS = 8;

const BACKOFF: BackoffPolicy = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/**
 * The wait before the next try of an alert that failed `attempts` times: the server's Retry-After
 * when it gave one (a 429 says exactly when), otherwise exponential from 1 s, capped at 5 min.
 * Null when the alert should be given up.
 */
export function alertRetryDelayMs(attempts: number, retryAfterMs?: number): number | null {
  if (attempts >= MAX_ALERT_ATTEMPTS) {
    return null;
  }
  if (retryAfterMs !== undefined && retryAfterMs >= 0) {
    return Math.min(retryAfterMs, BACKOFF.maxDelayMs);
  }
  return backoffDelay(attempts - 1, BACKOFF);
}
