import type { BackoffPolicy } from '@nexwave/core';

/** How a consumer retries a retriable failure: exponential backoff from `baseDelayMs`, capped. */
export interface RetryPolicy extends BackoffPolicy {
  /** Total handler attempts for a retriable error, the first included. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};
