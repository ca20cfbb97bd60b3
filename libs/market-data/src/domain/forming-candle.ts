import { Decimal } from '@nexwave/core';

import { TIMEFRAME_MS } from './closed-buckets';
import type { Timeframe } from './timeframe';

/** The candle of the bucket trades are falling into now; prices and volume are decimal strings. */
export interface FormingCandle {
  symbol: string;
  timeframe: Timeframe;
  /** Bucket start, epoch-aligned as time_bucket's. */
  start: Date;
  open: string;
  high: string;
  low: string;
  close: string;
  /** Sum of trade sizes (base units). */
  volume: string;
  tradeCount: number;
}

export interface CandleTrade {
  price: string;
  size: string;
  time: Date;
}

export function bucketStart(timeframe: Timeframe, time: Date): Date {
  const width = TIMEFRAME_MS[timeframe];
  return new Date(Math.floor(time.getTime() / width) * width);
}

/**
 * The candle after `trade`: a trade of a later bucket opens a new candle, one of the current
 * bucket moves it, and a late trade of an earlier bucket leaves it as it is (that bucket is no
 * longer forming). Values are kept exactly as the trades carry them.
 */
export function withTrade(
  candle: FormingCandle | undefined,
  symbol: string,
  timeframe: Timeframe,
  trade: CandleTrade,
): FormingCandle {
  const start = bucketStart(timeframe, trade.time);
  if (!candle || start.getTime() > candle.start.getTime()) {
    return {
      symbol,
      timeframe,
      start,
      open: trade.price,
      high: trade.price,
      low: trade.price,
      close: trade.price,
      volume: new Decimal(trade.size).toFixed(),
      tradeCount: 1,
    };
  }
  if (start.getTime() < candle.start.getTime()) {
    return candle;
  }
  const price = new Decimal(trade.price);
  return {
    ...candle,
    high: price.gt(candle.high) ? trade.price : candle.high,
    low: price.lt(candle.low) ? trade.price : candle.low,
    close: trade.price,
    volume: new Decimal(candle.volume).plus(trade.size).toFixed(),
    tradeCount: candle.tradeCount + 1,
  };
}

/**
 * At most one value per `intervalMs`, the latest winning: a value offered within the interval
 * after the last one sent waits, replacing any value already waiting, until `dueAt`.
 */
export class LatestWins<T> {
  private waiting: T | undefined;
  private sentAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  /** The value to send now, or undefined when it must wait until `dueAt()`. */
  offer(value: T, now: number): T | undefined {
    if (now - this.sentAt >= this.intervalMs) {
      this.waiting = undefined;
      this.sentAt = now;
      return value;
    }
    this.waiting = value;
    return undefined;
  }

  /** When the waiting value may be sent; undefined when none waits. */
  dueAt(): number | undefined {
    return this.waiting === undefined ? undefined : this.sentAt + this.intervalMs;
  }

  /** The waiting value once it is due (it is then sent), else undefined. */
  takeDue(now: number): T | undefined {
    const due = this.dueAt();
    if (due === undefined || now < due) {
      return undefined;
    }
    const value = this.waiting;
    this.waiting = undefined;
    this.sentAt = now;
    return value;
  }
}
