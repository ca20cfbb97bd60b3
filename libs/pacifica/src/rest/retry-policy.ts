import { jitteredBackoffDelay, type BackoffPolicy } from '@nexwave/core';

import { ExchangeRateLimitedError, isRetryableExchangeError } from '../pacifica.errors';
import type { Sleep } from './sleep';

export interface RetryPolicy extends BackoffPolicy {
  /** Total tries including the first one. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
};

export interface RetryContext {
  policy: RetryPolicy;
  sleep: Sleep;
  random?: () => number;
}

/** The wait before retry number `attempt` (0-based): jittered backoff, never shorter than Retry-After. */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: BackoffPolicy,
  random?: () => number,
): number {
  const jittered = jitteredBackoffDelay(attempt, policy, random);
  if (error instanceof ExchangeRateLimitedError && error.retryAfterMs !== null) {
    return Math.max(jittered, error.retryAfterMs);
  }
  return jittered;
}

/**
 * Runs `operation` until it succeeds, throws a non-retryable error, or uses up the attempts.
 * Only ExchangeUnavailableError and ExchangeRateLimitedError are retried.
 * `operation` receives the 0-based attempt number.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  context: RetryContext,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isRetryableExchangeError(error) || attempt + 1 >= context.policy.maxAttempts) {
        throw error;
      }
      await context.sleep(retryDelay(error, attempt, context.policy, context.random));
    }
  }
}
