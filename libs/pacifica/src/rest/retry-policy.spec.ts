import {
  ExchangeRateLimitedError,
  ExchangeRejectedError,
  ExchangeUnavailableError,
} from '../pacifica.errors';
import { retryDelay, withRetry, type RetryPolicy } from './retry-policy';

const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

function recordingSleep() {
  const sleeps: number[] = [];
  return { sleeps, sleep: (ms: number) => (sleeps.push(ms), Promise.resolve()) };
}

describe('retryDelay', () => {
  it('never waits less than the Retry-After of a 429', () => {
    expect(retryDelay(new ExchangeRateLimitedError('slow down', 2_500), 0, POLICY, () => 0.5)).toBe(
      2_500,
    );
  });
});

describe('withRetry', () => {
  it('retries an unavailable exchange and returns the first success', async () => {
    const { sleeps, sleep } = recordingSleep();
    let calls = 0;
    const result = await withRetry(
      () => {
        calls++;
        return calls < 3
          ? Promise.reject(new ExchangeUnavailableError('http', 'HTTP 503', 503))
          : Promise.resolve('ok');
      },
      { policy: POLICY, sleep, random: () => 0.5 },
    );
    expect(result).toBe('ok');
    expect(sleeps).toEqual([50, 100]);
  });

  it('never retries a rejection', async () => {
    const { sleeps, sleep } = recordingSleep();
    let calls = 0;
    const rejected = new ExchangeRejectedError(400, null, 'Verification failed');
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(rejected);
        },
        { policy: POLICY, sleep },
      ),
    ).rejects.toBe(rejected);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { sleep } = recordingSleep();
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(new ExchangeUnavailableError('timeout', `try ${calls}`));
        },
        { policy: POLICY, sleep },
      ),
    ).rejects.toThrow('try 3');
    expect(calls).toBe(3);
  });

  it('does not retry unknown errors (bugs)', async () => {
    const { sleep } = recordingSleep();
    await expect(
      withRetry(() => Promise.reject(new TypeError('bug')), { policy: POLICY, sleep }),
    ).rejects.toThrow(TypeError);
  });
});
