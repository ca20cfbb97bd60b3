import { systemClock, type Clock } from '@nexwave/core';

import { realSleep, type Sleep } from './sleep';

/** Pacifica's rolling credit budgets per 60 s (section 3.6). */
export const CREDITS_WITHOUT_API_KEY = 125;
export const CREDITS_WITH_API_KEY = 300;

/** Credit costs of one call. History GETs are the heavy ones (3-12 credits, 1-3 with a key). */
export const CREDIT_COSTS = { request: 1, cancel: 0.5, heavyGet: 3 } as const;

export interface CreditRateLimiterOptions {
  budget: number;
  windowMs?: number;
  clock?: Clock;
  sleep?: Sleep;
}

interface Spend {
  at: number;
  cost: number;
}

/**
 * Client-side model of Pacifica's rolling credit window: every call spends credits that come back
 * `windowMs` later. `acquire` waits until the cost fits, so the bot slows down before the exchange
 * answers 429. The exchange's own `ratelimit` header and 429s tighten the model (other processes
 * may share the IP or the key); they never loosen it.
 */
export class CreditRateLimiter {
  readonly budget: number;
  private readonly windowMs: number;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private spends: Spend[] = [];

  constructor(options: CreditRateLimiterOptions) {
    if (!(options.budget > 0)) {
      throw new RangeError(`credit budget must be positive, got ${options.budget}`);
    }
    this.budget = options.budget;
    this.windowMs = options.windowMs ?? 60_000;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Credits left in the window now. */
  available(): number {
    this.expire(this.now());
    return this.budget - this.spends.reduce((sum, spend) => sum + spend.cost, 0);
  }

  /** Spends `cost` if it fits and returns 0; otherwise spends nothing and returns the ms to wait. */
  tryAcquire(cost: number): number {
    const needed = Math.min(cost, this.budget);
    const now = this.now();
    let available = this.available();
    if (available >= needed) {
      this.spends.push({ at: now, cost });
      return 0;
    }
    for (const spend of this.spends) {
      available += spend.cost;
      if (available >= needed) {
        return Math.max(1, spend.at + this.windowMs - now);
      }
    }
    return this.windowMs;
  }

  /** Waits (with the injected sleep) until `cost` credits are available, then spends them. */
  async acquire(cost: number): Promise<void> {
    for (let wait = this.tryAcquire(cost); wait > 0; wait = this.tryAcquire(cost)) {
      await this.sleep(wait);
    }
  }

  /**
   * Learns from the `ratelimit` header (`"credits";r=<remaining*10>;t=<seconds>`): if the exchange
   * counts fewer credits left than we do, the difference is booked as a spend that comes back
   * when the exchange's window refreshes.
   */
  observeHeader(header: string | null): void {
    const parsed = parseRateLimitHeader(header);
    if (!parsed) {
      return;
    }
    this.reserveUntil(this.available() - parsed.remaining, parsed.resetMs);
  }

  /** After a 429: nothing is available until `retryAfterMs` has passed. */
  observeExhausted(retryAfterMs: number): void {
    this.reserveUntil(this.available(), retryAfterMs);
  }

  private reserveUntil(credits: number, releaseInMs: number): void {
    if (credits <= 0) {
      return;
    }
    const releaseIn = Math.min(Math.max(releaseInMs, 0), this.windowMs);
    const at = this.now() + releaseIn - this.windowMs;
    // Kept sorted by `at` so tryAcquire can walk releases in order.
    const index = this.spends.findIndex((spend) => spend.at > at);
    this.spends.splice(index === -1 ? this.spends.length : index, 0, { at, cost: credits });
  }

  private expire(now: number): void {
    while (this.spends.length > 0 && this.spends[0].at + this.windowMs <= now) {
      this.spends.shift();
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

export interface RateLimitState {
  remaining: number;
  resetMs: number;
}

/** Parses `"credits";r=1234;t=30` (values scaled by 10 for r; t in seconds). */
export function parseRateLimitHeader(header: string | null): RateLimitState | null {
  if (!header) {
    return null;
  }
  const remaining = /(?:^|;)\s*r=(\d+(?:\.\d+)?)/.exec(header);
  const reset = /(?:^|;)\s*t=(\d+(?:\.\d+)?)/.exec(header);
  if (!remaining || !reset) {
    return null;
  }
  return { remaining: Number(remaining[1]) / 10, resetMs: Number(reset[1]) * 1000 };
}
