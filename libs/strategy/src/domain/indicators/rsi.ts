import type { Indicator } from './indicator';

/**
 * Wilder's relative strength index (0..100) over `period` changes: the first average gain and
 * loss are simple means of `period` changes, then each is smoothed as (previous × (period − 1) +
 * latest) / period. Null until `period + 1` values. 100 when nothing fell, 50 when nothing moved.
 */
export class Rsi implements Indicator<number, number> {
  private previous: number | null = null;
  private changes = 0;
  private averageGain = 0;
  private averageLoss = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) {
      throw new RangeError(`an RSI period is a positive integer, got ${period}`);
    }
  }

  get value(): number | null {
    if (this.changes < this.period) {
      return null;
    }
    if (this.averageLoss === 0) {
      return this.averageGain === 0 ? 50 : 100;
    }
    return 100 - 100 / (1 + this.averageGain / this.averageLoss);
  }

  update(input: number): number | null {
    if (this.previous !== null) {
      const change = input - this.previous;
      this.changes += 1;
      const weight = Math.min(this.changes, this.period);
      this.averageGain += (Math.max(change, 0) - this.averageGain) / weight;
      this.averageLoss += (Math.max(-change, 0) - this.averageLoss) / weight;
    }
    this.previous = input;
    return this.value;
  }
}
