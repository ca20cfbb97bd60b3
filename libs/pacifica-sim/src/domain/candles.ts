import { Decimal } from '@nexwave/core';

export const KLINE_INTERVALS = {
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '8h': 28_800_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
} as const;
export type KlineInterval = keyof typeof KLINE_INTERVALS;

export interface Candle {
  openTime: number;
  closeTime: number;
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  volume: Decimal;
  trades: number;
}

const MINUTE = 60_000;

/** One-minute candles built from trades; longer intervals are merged from them on demand. */
export class CandleSeries {
  private readonly minutes: Candle[] = [];

  constructor(private readonly maxMinutes = 7 * 24 * 60) {}

  record(time: number, price: Decimal, amount: Decimal): void {
    const openTime = Math.floor(time / MINUTE) * MINUTE;
    const last = this.minutes[this.minutes.length - 1];
    if (last && last.openTime === openTime) {
      last.high = Decimal.max(last.high, price);
      last.low = Decimal.min(last.low, price);
      last.close = price;
      last.volume = last.volume.plus(amount);
      last.trades += 1;
      return;
    }
    this.minutes.push({
      openTime,
      closeTime: openTime + MINUTE - 1,
      open: price,
      high: price,
      low: price,
      close: price,
      volume: amount,
      trades: 1,
    });
    if (this.minutes.length > this.maxMinutes) {
      this.minutes.shift();
    }
  }

  query(interval: KlineInterval, startTime: number, endTime: number, limit = Infinity): Candle[] {
    return mergeMinutes(this.minutes, interval, startTime, endTime, limit);
  }

  /** Minute candles opening at or after `from`, oldest first. */
  *minutesFrom(from: number): Iterable<Candle> {
    for (const minute of this.minutes) {
      if (minute.openTime >= from) {
        yield minute;
      }
    }
  }
}

/**
 * Merges minute candles (oldest first) into `interval` candles overlapping [startTime, endTime]:
 * at most `limit`, the oldest first. Stops reading minutes once the limit is full.
 */
export function mergeMinutes(
  minutes: Iterable<Candle>,
  interval: KlineInterval,
  startTime: number,
  endTime: number,
  limit: number,
): Candle[] {
  const size = KLINE_INTERVALS[interval];
  const result: Candle[] = [];
  for (const minute of minutes) {
    const openTime = Math.floor(minute.openTime / size) * size;
    if (openTime + size <= startTime) {
      continue;
    }
    if (openTime > endTime) {
      break;
    }
    const last = result[result.length - 1];
    if (last && last.openTime === openTime) {
      last.high = Decimal.max(last.high, minute.high);
      last.low = Decimal.min(last.low, minute.low);
      last.close = minute.close;
      last.volume = last.volume.plus(minute.volume);
      last.trades += minute.trades;
    } else if (result.length >= limit) {
      break;
    } else {
      result.push({ ...minute, openTime, closeTime: openTime + size - 1 });
    }
  }
  return result;
}
