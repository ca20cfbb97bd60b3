/**
 * A least-recently-used map of candle lists bounded by the candles it holds (each entry also
 * counts one, so empty lists cannot grow it without bound). A Map iterates in insertion order,
 * so re-inserting on a hit keeps the least recently used entry first.
 */
export class ClosedCandleCache<T> {
  private readonly entries = new Map<string, readonly T[]>();
  private held = 0;

  constructor(readonly maxCandles: number) {}

  get size(): number {
    return this.held;
  }

  get(key: string): readonly T[] | undefined {
    const candles = this.entries.get(key);
    if (candles !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, candles);
    }
    return candles;
  }

  set(key: string, candles: readonly T[]): void {
    const weight = candles.length + 1;
    this.delete(key);
    if (weight > this.maxCandles) {
      return;
    }
    for (const [oldest, old] of this.entries) {
      if (this.held + weight <= this.maxCandles) {
        break;
      }
      this.entries.delete(oldest);
      this.held -= old.length + 1;
    }
    this.entries.set(key, candles);
    this.held += weight;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.held -= old.length + 1;
    }
  }
}
