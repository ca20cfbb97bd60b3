import { alertRetryDelayMs, MAX_ALERT_ATTEMPTS } from './alert-retry';

describe('alertRetryDelayMs', () => {
  it.each([
    [1, undefined, 1_000],
    [2, undefined, 2_000],
    [4, undefined, 8_000],
    [1, 3_000, 3_000],
    [5, 0, 0],
    [7, 3_600_000, 300_000],
    [7, undefined, 64_000],
  ])('after %i attempts with Retry-After %s ms waits %i ms', (attempts, retryAfter, expected) => {
    expect(alertRetryDelayMs(attempts, retryAfter)).toBe(expected);
  });

  it('ignores a negative Retry-After and backs off as without one', () => {
    expect(alertRetryDelayMs(3, -1)).toBe(4_000);
  });

  it('gives up after the last attempt, Retry-After or not', () => {
    expect(alertRetryDelayMs(MAX_ALERT_ATTEMPTS)).toBeNull();
    expect(alertRetryDelayMs(MAX_ALERT_ATTEMPTS, 1_000)).toBeNull();
  });
});
