/**
 * Finds books that stopped updating: a market with no snapshot for longer than the threshold is
 * reported once when it goes quiet and once when it resumes. Pure: time is passed in.
 */
export class QuietBookDetector {
  private readonly lastUpdate = new Map<string, number>();
  private readonly quiet = new Set<string>();

  constructor(readonly thresholdMs: number) {
    if (thresholdMs <= 0) {
      throw new RangeError('thresholdMs must be positive');
    }
  }

  /** Starts the clock of a market that has not sent a book yet. */
  watch(symbol: string, now: number): void {
    if (!this.lastUpdate.has(symbol)) {
      this.lastUpdate.set(symbol, now);
    }
  }

  /** Records a snapshot; true when the market had been reported quiet (it resumed). */
  updated(symbol: string, now: number): boolean {
    this.lastUpdate.set(symbol, now);
    return this.quiet.delete(symbol);
  }

  /** Milliseconds since each watched market's last snapshot (or since it was first watched). */
  silences(now: number): Map<string, number> {
    return new Map([...this.lastUpdate].map(([symbol, at]) => [symbol, now - at]));
  }

  /** Markets that went quiet since the last check, with how long they have been silent. */
  check(now: number): { symbol: string; silentMs: number }[] {
    const newlyQuiet: { symbol: string; silentMs: number }[] = [];
    for (const [symbol, at] of this.lastUpdate) {
      const silentMs = now - at;
      if (silentMs > this.thresholdMs && !this.quiet.has(symbol)) {
        this.quiet.add(symbol);
        newlyQuiet.push({ symbol, silentMs });
      }
    }
    return newlyQuiet;
  }

  isQuiet(symbol: string): boolean {
    return this.quiet.has(symbol);
  }

  quietSymbols(): string[] {
    return [...this.quiet];
  }
}
