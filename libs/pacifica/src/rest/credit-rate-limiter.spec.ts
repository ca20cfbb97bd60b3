import { FixedClock } from '@nexwave/core/testing';

import { CreditRateLimiter, parseRateLimitHeader } from './credit-rate-limiter';

function limiterWithClock(budget: number) {
  const clock = new FixedClock(new Date(1_000_000));
  const sleeps: number[] = [];
  const limiter = new CreditRateLimiter({
    budget,
    clock,
    // The fake sleep moves the fixed clock: waiting costs no real time.
    sleep: (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
      return Promise.resolve();
    },
  });
  return { clock, limiter, sleeps };
}

describe('CreditRateLimiter', () => {
  it('spends credits within the budget without waiting', async () => {
    const { limiter, sleeps } = limiterWithClock(5);
    for (let i = 0; i < 5; i++) {
      await limiter.acquire(1);
    }
    expect(limiter.available()).toBe(0);
    expect(sleeps).toEqual([]);
  });

  it('counts a cancel as half a credit', () => {
    const { limiter } = limiterWithClock(1);
    expect(limiter.tryAcquire(0.5)).toBe(0);
    expect(limiter.tryAcquire(0.5)).toBe(0);
    expect(limiter.available()).toBe(0);
  });

  it('waits until the oldest spend leaves the 60 s window', async () => {
    const { clock, limiter, sleeps } = limiterWithClock(3);
    await limiter.acquire(1);
    clock.advance(10_000);
    await limiter.acquire(2);
    clock.advance(5_000);
    await limiter.acquire(1);
    expect(sleeps).toEqual([45_000]);
  });

  it('waits for enough spends to expire for a heavy call', async () => {
    const { clock, limiter, sleeps } = limiterWithClock(3);
    await limiter.acquire(1);
    clock.advance(1_000);
    await limiter.acquire(1);
    clock.advance(1_000);
    await limiter.acquire(1);
    await limiter.acquire(3);
    expect(sleeps).toEqual([60_000 - 2_000 + 2_000]);
  });

  it('learns a lower remaining count from the ratelimit header', () => {
    const { clock, limiter } = limiterWithClock(125);
    limiter.observeHeader('"credits";r=100;t=20');
    expect(limiter.available()).toBe(10);
    clock.advance(19_999);
    expect(limiter.available()).toBe(10);
    clock.advance(1);
    expect(limiter.available()).toBe(125);
  });

  it('ignores a header that reports more credits than it counts', () => {
    const { limiter } = limiterWithClock(10);
    limiter.tryAcquire(5);
    limiter.observeHeader('"credits";r=1000;t=30');
    expect(limiter.available()).toBe(5);
  });

  it('after a 429 waits for Retry-After', async () => {
    const { limiter, sleeps } = limiterWithClock(125);
    limiter.observeExhausted(7_000);
    await limiter.acquire(1);
    expect(sleeps).toEqual([7_000]);
  });
});

describe('parseRateLimitHeader', () => {
  it.each([
    ['"credits";r=1234;t=30', { remaining: 123.4, resetMs: 30_000 }],
    ['"credits";r=0;t=5', { remaining: 0, resetMs: 5_000 }],
    ['garbage', null],
    [null, null],
  ] as const)('%s', (header, expected) => {
    expect(parseRateLimitHeader(header)).toEqual(expected);
  });
});
