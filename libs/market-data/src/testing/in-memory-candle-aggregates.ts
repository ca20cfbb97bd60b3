import { CandleAggregatesPort } from '../application/ports/candle-aggregates.port';

/** Records each refresh asked for instead of touching a database; `fails` makes them fail. */
export class InMemoryCandleAggregates extends CandleAggregatesPort {
  readonly refreshes: { from: Date | null; now: Date }[] = [];
  fails = false;

  refresh(now: Date): Promise<boolean> {
    this.refreshes.push({ from: null, now });
    return Promise.resolve(!this.fails);
  }

  refreshSince(from: Date, now: Date): Promise<boolean> {
    this.refreshes.push({ from, now });
    return Promise.resolve(!this.fails);
  }
}
