export interface RetryPolicy {
  /** Total handler attempts for a retriable error, the first included. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 10_000,
};

/** Exponential backoff before attempt `nextAttempt` (2, 3, ...): initial, 2x, 4x ... capped. */
export function backoffDelay(policy: RetryPolicy, nextAttempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (nextAttempt - 2));
}
