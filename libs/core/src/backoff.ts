export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait before retry `attempt` (0-based): base, 2x, 4x ... capped at `maxDelayMs`. */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  // The exponent is bounded so a long outage never overflows to Infinity (or NaN for base 0).
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(attempt, 0), 30));
}

/**
 * The same ceiling with full jitter: uniform in [0, backoffDelay), so many clients failing
 * together do not retry together.
 */
export function jitteredBackoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffDelay(attempt, policy));
}
