import { WhalesError } from './whales.errors';

export interface TokenBucketOptions {
  /** Most sends in a burst. */
  readonly capacity: number;
  /** One token comes back every this many ms. */
  readonly refillEveryMs: number;
}

/**
 * A send-rate limit (Telegram: about 1 message/s per chat; Discord webhooks: 5 per 2 s), with
 * time passed in. `tryTake(now)` takes a token when one is there; `availableAt(now)` says when
 * the next one will be. A full bucket never holds more than `capacity` tokens.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number | null = null;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(Number.isInteger(options.capacity) && options.capacity >= 1)) {
      throw new WhalesError('INVALID_RULES', 'capacity must be an integer >= 1');
    }
    if (!(options.refillEveryMs > 0)) {
      throw new WhalesError('INVALID_RULES', 'refillEveryMs must be positive');
    }
    this.tokens = options.capacity;
  }

  tryTake(now: Date): boolean {
    this.refill(now.getTime());
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }

  /** When a token will be available (now when one already is). */
  availableAt(now: Date): Date {
    this.refill(now.getTime());
    const missing = 1 - this.tokens;
    return missing <= 0 ? now : new Date(now.getTime() + missing * this.options.refillEveryMs);
  }

  private refill(at: number): void {
    if (this.updatedAt !== null && at > this.updatedAt) {
      const gained = (at - this.updatedAt) / this.options.refillEveryMs;
      this.tokens = Math.min(this.options.capacity, this.tokens + gained);
    }
    this.updatedAt = Math.max(at, this.updatedAt ?? at);
  }
}
