import { backoffDelay, jitteredBackoffDelay, type BackoffPolicy } from './backoff';

describe('backoffDelay', () => {
  const policy: BackoffPolicy = { baseDelayMs: 100, maxDelayMs: 700 };

  it.each([
    [0, 100],
    [1, 200],
    [2, 400],
    [3, 700],
    [4, 700],
  ])('waits before retry %i for %i ms', (attempt, delay) => {
    expect(backoffDelay(attempt, policy)).toBe(delay);
  });

  it('stays at the cap after a very long outage, also with a zero base', () => {
    expect(backoffDelay(10_000, policy)).toBe(700);
    expect(backoffDelay(10_000, { baseDelayMs: 0, maxDelayMs: 700 })).toBe(0);
  });
});

describe('jitteredBackoffDelay', () => {
  const policy: BackoffPolicy = { baseDelayMs: 100, maxDelayMs: 1_000 };
  const top = () => 0.999_999;

  it('draws below the exponential ceiling, capped at the maximum', () => {
    expect([0, 1, 2, 3, 4].map((n) => jitteredBackoffDelay(n, policy, top))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(jitteredBackoffDelay(3, policy, () => 0.5)).toBe(400);
    expect(jitteredBackoffDelay(3, policy, () => 0)).toBe(0);
  });
});
