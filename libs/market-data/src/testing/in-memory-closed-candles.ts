import { ClosedCandlesPort, type SymbolCandle } from '../application/ports/closed-candles.port';
import type { ClosedBucket } from '../domain/closed-buckets';

/** Candles set by the test per bucket; records each bucket read, and fails reads while `fails`. */
export class InMemoryClosedCandles extends ClosedCandlesPort {
  readonly reads: ClosedBucket[] = [];
  fails = false;
  private readonly byBucket = new Map<string, SymbolCandle[]>();

  set(bucket: ClosedBucket, candles: SymbolCandle[]): void {
    this.byBucket.set(key(bucket), candles);
  }

  candlesOf(bucket: ClosedBucket): Promise<SymbolCandle[]> {
    this.reads.push(bucket);
    if (this.fails) {
      return Promise.reject(new Error('database unavailable'));
    }
    return Promise.resolve(this.byBucket.get(key(bucket)) ?? []);
  }
}

function key({ timeframe, start }: ClosedBucket): string {
  return `${timeframe}@${start.toISOString()}`;
}
