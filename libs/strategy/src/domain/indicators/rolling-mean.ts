import type { Indicator } from './indicator';
import { RollingWindow } from './rolling-window';

/**
 * Simple moving average over the last `period` values: a running sum, updated in O(1) and summed
 * again from the window once per full turn of it (amortised O(1)), so rounding cannot pile up
 * over a long stream.
 */
export class RollingMean implements Indicator<number, number> {
  private readonly window: RollingWindow;
  private sum = 0;

  constructor(readonly period: number) {
    this.window = new RollingWindow(period);
  }

  get value(): number | null {
    return this.window.isFull ? this.sum / this.period : null;
  }

  update(input: number): number | null {
    const evicted = this.window.push(input);
    this.sum += input - (evicted ?? 0);
    if (this.window.wrapped) {
      this.sum = this.window.toArray().reduce((sum, value) => sum + value, 0);
    }
    return this.value;
  }
}
