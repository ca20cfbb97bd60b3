import { backoffDelay, RetryPolicy } from './retry-policy';

describe('backoffDelay', () => {
  const policy: RetryPolicy = { maxAttempts: 6, initialDelayMs: 100, maxDelayMs: 700 };

  it.each([
    [2, 100],
    [3, 200],
    [4, 400],
    [5, 700],
    [6, 700],
  ])('waits before attempt %i for %i ms', (attempt, delay) => {
    expect(backoffDelay(policy, attempt)).toBe(delay);
  });
});
