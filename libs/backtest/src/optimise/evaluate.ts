import type { Candle } from '@nexwave/strategy';

import { runBacktest } from '../domain/backtest';
import type { BacktestInput, BacktestSummary } from '../domain/backtest-input';
import type { ParameterSet } from './parameter-space';
import type { Window } from './walk-forward';

/** A run's fixed part: a registered strategy (by name, so workers can rebuild it) and its market. */
export type OptimiseBase = Omit<BacktestInput, 'strategy' | 'candles' | 'progressEvery'> & {
  readonly strategy: string;
};

/** One backtest to run: `parameters` over the base's, on the candles starting in `window` (all without). */
export interface OptimiseTask {
  readonly index: number;
  readonly parameters: ParameterSet;
  readonly window?: Window;
}

/** The first index whose candle starts at or after `time` (candles in time order). */
function firstAtOrAfter(candles: readonly Candle[], time: number): number {
  let low = 0;
  let high = candles.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (candles[mid].bucketStart.getTime() < time) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/** The candles starting in [from, to). */
export function candlesIn(candles: readonly Candle[], window: Window): readonly Candle[] {
  return candles.slice(
    firstAtOrAfter(candles, window.from.getTime()),
    firstAtOrAfter(candles, window.to.getTime()),
  );
}

/** Runs one task: what every worker does, and what a test can do directly. */
export function evaluate(
  base: OptimiseBase,
  candles: readonly Candle[],
  task: OptimiseTask,
): BacktestSummary {
  return runBacktest({
    ...base,
    parameters: { ...base.parameters, ...task.parameters },
    candles: task.window ? candlesIn(candles, task.window) : candles,
  }).summary;
}
