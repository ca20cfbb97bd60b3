import { z } from 'zod';

import { Decimal } from '@nexwave/core';

export const timeframeSchema = z.enum(['1m', '5m', '15m', '1h', '4h', '1d']);
export type Timeframe = z.infer<typeof timeframeSchema>;

const MINUTE_MS = 60_000;
export const TIMEFRAME_MS: Readonly<Record<Timeframe, number>> = {
  '1m': MINUTE_MS,
  '5m': 5 * MINUTE_MS,
  '15m': 15 * MINUTE_MS,
  '1h': 60 * MINUTE_MS,
  '4h': 240 * MINUTE_MS,
  '1d': 1_440 * MINUTE_MS,
};

/** A closed candle; prices and volume are decimal strings. */
export interface Candle {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly bucketStart: Date;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
}

/** The end of a candle's bucket: the moment it closed, which strategies use as "now". */
export function candleEnd(candle: Candle): Date {
  return new Date(candle.bucketStart.getTime() + TIMEFRAME_MS[candle.timeframe]);
}

/** Large resting liquidity; `side` is the book side it rests on (ask = a wall of sellers). */
export interface WhaleEvent {
  readonly symbol: string;
  readonly side: 'bid' | 'ask';
  readonly kind: 'single' | 'ladder';
  readonly notionalUsd: string;
  readonly detectedAt: Date;
}

/** One of the strategy's own net positions: signed base units (positive long), entry price. */
export interface StrategyPosition {
  readonly symbol: string;
  readonly size: string;
  readonly entryPrice: string;
}

export interface Portfolio {
  readonly equityUsd: string;
  readonly cashUsd: string;
}

/** What a strategy sees besides the candle: its open positions and its portfolio. */
export interface StrategyContext {
  readonly positions: readonly StrategyPosition[];
  readonly portfolio: Portfolio;
}

/**
 * A decision to trade. `side` is the order side (bid buys, ask sells): an entry into a long and
 * the exit of a short are bids. `size` is in base units, unrounded (the engine rounds it to the
 * market's lot); `price` is the reference the decision was made at (see each strategy); stop loss
 * and take profit are absolute prices or null. `bucketStart` names the candle that produced it.
 */
export interface Signal {
  readonly symbol: string;
  readonly side: 'bid' | 'ask';
  readonly intent: 'entry' | 'exit';
  readonly size: string;
  readonly price: string;
  readonly stopLoss: string | null;
  readonly takeProfit: string | null;
  readonly reason: string;
  readonly indicators: Readonly<Record<string, string>>;
  readonly bucketStart: Date;
}

/**
 * A trading strategy: pure and synchronous, fed closed candles of its timeframe in order (others
 * and repeats of a bucket it has seen are ignored, so replaying history is safe) and whale events.
 * `warmUp` replaces the state of each symbol it is given with the last `warmUpCandles` candles
 * (whale events of the last few minutes come through `onWhale`); positions come in with each
 * candle. `lastSeen` is the newest bucket taken for a symbol, if any.
 */
export interface Strategy {
  readonly id: string;
  readonly name: string;
  readonly timeframe: Timeframe;
  readonly warmUpCandles: number;
  onCandle(candle: Candle, context: StrategyContext): Signal[];
  onWhale(event: WhaleEvent): void;
  warmUp(candles: readonly Candle[]): void;
  lastSeen(symbol: string): Date | undefined;
}

/**
 * The part every candle strategy shares: timeframe filter, per-symbol ordering and warm-up.
 * A subclass updates its indicators in `observe` and decides in `decide`.
 */
export abstract class CandleStrategy implements Strategy {
  abstract readonly name: string;
  abstract readonly warmUpCandles: number;
  private readonly lastBucket = new Map<string, number>();

  protected constructor(
    readonly id: string,
    readonly timeframe: Timeframe,
  ) {}

  onCandle(candle: Candle, context: StrategyContext): Signal[] {
    return this.accept(candle) ? this.decide(candle, context) : [];
  }

  warmUp(candles: readonly Candle[]): void {
    for (const symbol of new Set(candles.map((candle) => candle.symbol))) {
      this.lastBucket.delete(symbol);
      this.forget(symbol);
    }
    candles.forEach((candle) => this.accept(candle));
  }

  lastSeen(symbol: string): Date | undefined {
    const start = this.lastBucket.get(symbol);
    return start === undefined ? undefined : new Date(start);
  }

  onWhale(_event: WhaleEvent): void {}

  protected abstract observe(candle: Candle): void;
  /** Drops a symbol's indicator state before a warm-up rebuilds it. */
  protected abstract forget(symbol: string): void;
  protected abstract decide(candle: Candle, context: StrategyContext): Signal[];

  private accept(candle: Candle): boolean {
    const start = candle.bucketStart.getTime();
    const last = this.lastBucket.get(candle.symbol);
    if (candle.timeframe !== this.timeframe || (last !== undefined && start <= last)) {
      return false;
    }
    this.lastBucket.set(candle.symbol, start);
    this.observe(candle);
    return true;
  }
}

/** A decimal string is zero exactly when it has no digit 1-9 (read on every candle: no Decimal). */
const NON_ZERO_DIGIT = /[1-9]/;

/** The position a strategy holds on `symbol`, or undefined when flat. */
export function positionOn(context: StrategyContext, symbol: string): StrategyPosition | undefined {
  for (const position of context.positions) {
    if (position.symbol === symbol && NON_ZERO_DIGIT.test(position.size)) {
      return position;
    }
  }
  return undefined;
}

/** An indicator value as the decimal string a signal carries (12 significant digits). */
export function indicatorString(value: number): string {
  return new Decimal(value).toSignificantDigits(12).toFixed();
}
