import type { Indicator } from './indicator';

/**
 * Exponential moving average with α = 2 / (period + 1), seeded with the simple mean of the first
 * `period` values (the usual convention), so it is null until then.
 */
export class Ema implements Indicator<number, number> {
  private readonly alpha: number;
  private seen = 0;
  private current = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) {
      throw new RangeError(`an EMA period is a positive integer, got ${period}`);
    }
    this.alpha = 2 / (period + 1);
  }

  get value(): number | null {
    return this.seen >= this.period ? this.current : null;
  }

  update(input: number): number | null {
    this.seen += 1;
    if (this.seen <= this.period) {
      this.current += (input - this.current) / this.seen;
    } else {
      this.current += this.alpha * (input - this.current);
    }
    return this.value;
  }
}
