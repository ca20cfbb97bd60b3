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
 * from it (amortised O(1)) so rounding cannot accumulate over a long stream. `add`, `isFull`,
 * `mean` and `stdDev` do what `update` and `value` do without allocating (run on every candle).
 */
export class RollingStdDev implements Indicator<number, MeanAndStdDev> {
  private readonly window: RollingWindow;
  private runningMean = 0;
  private squaredDeviations = 0;

  constructor(readonly period: number) {
    this.window = new RollingWindow(period);
  }

  get value(): MeanAndStdDev | null {
    return this.window.isFull ? { mean: this.mean, stdDev: this.stdDev } : null;
  }

  get isFull(): boolean {
    return this.window.isFull;
  }

  /** The mean so far (of the whole window once it is full). */
  get mean(): number {
    return this.runningMean;
  }

  /** The population σ so far (of the whole window once it is full). */
  get stdDev(): number {
    return Math.sqrt(this.squaredDeviations / this.period);
  }

  update(input: number): MeanAndStdDev | null {
    this.add(input);
    return this.value;
  }

  /** `update` without building its result. */
  add(input: number): void {
    const evicted = this.window.push(input);
    if (evicted === undefined) {
      const delta = input - this.runningMean;
      this.runningMean += delta / this.window.size;
      this.squaredDeviations += delta * (input - this.runningMean);
    } else {
      const mean = this.runningMean + (input - evicted) / this.period;
      this.squaredDeviations += (input - evicted) * (input - mean + evicted - this.runningMean);
      this.runningMean = mean;
    }
    if (this.window.wrapped) {
      this.recompute();
    }
    this.squaredDeviations = Math.max(this.squaredDeviations, 0);
  }

  private recompute(): void {
    const values = this.window.toArray();
    this.runningMean = values.reduce((sum, value) => sum + value, 0) / values.length;
    this.squaredDeviations = values.reduce(
      (sum, value) => sum + (value - this.runningMean) ** 2,
      0,
    );
  }
}
