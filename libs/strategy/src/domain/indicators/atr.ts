import type { Indicator } from './indicator';

export interface PriceRange {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/**
 * Wilder's average true range over `period` candles. The true range is the largest of high − low,
 * |high − previous close| and |low − previous close| (just high − low for the first candle); the
 * first ATR is their simple mean over `period` candles, then (previous × (period − 1) + TR) / period.
 */
export class Atr implements Indicator<PriceRange, number> {
  private previousClose: number | null = null;
  private seen = 0;
  private average = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) {
      throw new RangeError(`an ATR period is a positive integer, got ${period}`);
    }
  }

  get value(): number | null {
    return this.seen >= this.period ? this.average : null;
  }

  update(candle: PriceRange): number | null {
    const previous = this.previousClose ?? candle.close;
    const trueRange = Math.max(
      candle.high - candle.low,
      Math.abs(candle.high - previous),
      Math.abs(candle.low - previous),
    );
    this.seen += 1;
    this.average += (trueRange - this.average) / Math.min(this.seen, this.period);
    this.previousClose = candle.close;
    return this.value;
  }
}
