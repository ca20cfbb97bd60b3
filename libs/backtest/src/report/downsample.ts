import type { Candle } from '@nexwave/strategy';

export interface Bar {
  /** Epoch seconds (the chart's time unit). */
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Consecutive candles merged `per` to a bar (first open, highest high, lowest low, last close). */
export function toBars(candles: readonly Candle[], per: number): Bar[] {
  const bars: Bar[] = [];
  for (let i = 0; i < candles.length; i += per) {
    const group = candles.slice(i, i + per);
    bars.push({
      time: Math.floor(group[0].bucketStart.getTime() / 1000),
      open: Number(group[0].open),
      high: Math.max(...group.map((c) => Number(c.high))),
      low: Math.min(...group.map((c) => Number(c.low))),
      close: Number(group[group.length - 1].close),
    });
  }
  return bars;
}

/** The time of the last bar starting at or before `time` (the first bar's when none). */
export function barTimeAt(bars: readonly Bar[], time: number): number {
  let low = 0;
  let high = bars.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (bars[mid].time <= time) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return bars[low]?.time ?? time;
}
