/**
 * How often a crashed process may be restarted: at most `limit` failures (deaths or failed
 * restarts) within `windowMs`; the next one means it keeps failing and restarting is pointless.
 */
export class RestartBudget {
  private failures: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records a failure at `now` (ms) and tells whether another restart is still allowed. */
  recordFailure(now: number): boolean {
    this.failures = [...this.failures.filter((at) => now - at < this.windowMs), now];
    return this.failures.length < this.limit;
  }
}
