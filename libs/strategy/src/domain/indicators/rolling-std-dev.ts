import type { Indicator } from './indicator';
import { RollingWindow } from './rolling-window';

export interface MeanAndStdDev {
  readonly mean: number;
  readonly stdDev: number;
}

/**
 * Mean and POPULATION standard deviation (divided by n, as Bollinger bands and the "mean ± 2σ"
 * rule use) of the last `period` values. Welford's update, slid over the window: adding x and
 * dropping y moves the mean by (x − y)/n and the sum of squared deviations by
 * (x − y)(x − mean' + y − mean). It works on deviations, never on Σx², so prices of 100 000
 * moving by cents keep their precision; once per full turn of the window both are recomputed
 * from it (amortised O(1)) so rounding cannot accumulate over a long stream.
 */
export class RollingStdDev implements Indicator<number, MeanAndStdDev> {
  private readonly window: RollingWindow;
  private mean = 0;
  private squaredDeviations = 0;

  constructor(readonly period: number) {
    this.window = new RollingWindow(period);
  }

  get value(): MeanAndStdDev | null {
    if (!this.window.isFull) {
      return null;
    }
    return { mean: this.mean, stdDev: Math.sqrt(this.squaredDeviations / this.period) };
  }

  update(input: number): MeanAndStdDev | null {
    const evicted = this.window.push(input);
    if (evicted === undefined) {
      const delta = input - this.mean;
      this.mean += delta / this.window.size;
      this.squaredDeviations += delta * (input - this.mean);
    } else {
      const mean = this.mean + (input - evicted) / this.period;
      this.squaredDeviations += (input - evicted) * (input - mean + evicted - this.mean);
      this.mean = mean;
    }
    if (this.window.wrapped) {
      this.recompute();
    }
    this.squaredDeviations = Math.max(this.squaredDeviations, 0);
    return this.value;
  }

  private recompute(): void {
    const values = this.window.toArray();
    this.mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    this.squaredDeviations = values.reduce((sum, value) => sum + (value - this.mean) ** 2, 0);
  }
}
