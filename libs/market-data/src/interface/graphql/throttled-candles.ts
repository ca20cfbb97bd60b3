import { LiveFeed } from '@nexwave/core';

import { LatestWins, type FormingCandle } from '../../domain/forming-candle';
import type { Timeframe } from '../../domain/timeframe';
import type { LiveCandles } from '../../infrastructure/live/live-candles';

/** The forming candle of one subscription is sent at most once per this interval. */
export const CANDLE_UPDATE_INTERVAL_MS = 1_000;

/**
 * The changes of one forming candle, at most one per `intervalMs` with the latest winning; a
 * reader slower than that gets the newest candle, never a backlog. Ending it stops the watch.
 */
export async function throttledCandles(
  live: LiveCandles,
  symbol: string,
  timeframe: Timeframe,
  intervalMs = CANDLE_UPDATE_INTERVAL_MS,
): Promise<AsyncIterableIterator<FormingCandle>> {
  const gate = new LatestWins<FormingCandle>(intervalMs);
  const outlet = new LiveFeed<FormingCandle>();
  let timer: NodeJS.Timeout | undefined;
  let unwatch = (): void => undefined;
  const reader = outlet.subscribe({
    capacity: 1,
    onEnd: () => {
      unwatch();
      clearTimeout(timer);
    },
  });
  const flush = () => {
    timer = undefined;
    const due = gate.takeDue(Date.now());
    if (due) {
      outlet.publish(due);
    }
  };
  unwatch = await live.watch(symbol, timeframe, (candle) => {
    const now = Date.now();
    const sendable = gate.offer(candle, now);
    if (sendable) {
      outlet.publish(sendable);
      return;
    }
    const dueAt = gate.dueAt();
    if (timer === undefined && dueAt !== undefined) {
      timer = setTimeout(flush, dueAt - now);
    }
  });
  return reader;
}
