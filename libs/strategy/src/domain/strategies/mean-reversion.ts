import { z } from 'zod';

import { Decimal } from '@nexwave/core';

import { RollingStdDev } from '../indicators/rolling-std-dev';
import {
  candleEnd,
  CandleStrategy,
  indicatorString,
  positionOn,
  timeframeSchema,
  type Candle,
  type Signal,
  type StrategyContext,
  type StrategyPosition,
  type WhaleEvent,
} from '../strategy';
import { defineStrategy } from '../strategy-definition';

export const meanReversionParameters = z.strictObject({
  timeframe: timeframeSchema.default('1h'),
  /** Candles in the window of closes the mean and σ are taken over. */
  lookback: z.number().int().min(2).default(20),
  /** Enter long when the close is below mean − entryStdDevs × σ. */
  entryStdDevs: z.number().positive().default(2),
  /** Exit when the close is above mean + exitStdDevs × σ. */
  exitStdDevs: z.number().default(2),
  /** Stop loss and take profit, in % of the entry price. */
  stopLossPct: z.number().positive().lt(100).default(3),
  takeProfitPct: z.number().positive().default(5),
  /** Each entry is worth this % of portfolio equity at the close. */
  positionPct: z.number().positive().max(100).default(10),
  /** An ask-side whale blocks entries for this long after it was detected... */
  whaleMaxAgeMinutes: z.number().nonnegative().default(15),
  /** ...if its notional is at least this (the detector already applies per-market thresholds). */
  whaleMinNotionalUsd: z.number().nonnegative().default(0),
});
export type MeanReversionParameters = z.output<typeof meanReversionParameters>;

export type MeanReversionReason =
  'close-below-lower-band' | 'close-above-upper-band' | 'stop-loss' | 'take-profit';

/**
 * Long-only mean reversion on the last `lookback` closes of each symbol, this candle's included
 * (compared in doubles: the bands are statistics). Flat and window full: enter when the close is
 * below mean − k·σ (population σ), unless a fresh ask-side whale sits on the symbol, a wall of
 * sellers the dip would be bought into. Long: exit at the stop (entry − stopLossPct %) or the take
 * profit (entry + takeProfitPct %) as soon as the candle's low or high touches it, signalled at
 * that level, or at the open when the candle opened beyond it (a gap); the stop wins when one
 * candle touches both (the order inside a candle is unknown, so assume the worse); otherwise exit
 * when the close is above mean + k·σ, signalled at the close. Stops work before the window is
 * full. A short position on the symbol is left alone and blocks entries.
 */
export class MeanReversionStrategy extends CandleStrategy {
  readonly name = 'mean_reversion';
  readonly warmUpCandles: number;
  private readonly windows = new Map<string, RollingStdDev>();
  private readonly askWhaleSeenAt = new Map<string, number>();
  private readonly levels = new Map<string, ExitLevels>();

  constructor(
    id: string,
    readonly parameters: MeanReversionParameters,
  ) {
    super(id, parameters.timeframe);
    this.warmUpCandles = parameters.lookback;
  }

  override onWhale(event: WhaleEvent): void {
    if (
      event.side !== 'ask' ||
      new Decimal(event.notionalUsd).lt(this.parameters.whaleMinNotionalUsd)
    ) {
      return;
    }
    const seen = this.askWhaleSeenAt.get(event.symbol) ?? -Infinity;
    this.askWhaleSeenAt.set(event.symbol, Math.max(seen, event.detectedAt.getTime()));
  }

  protected forget(symbol: string): void {
    this.windows.delete(symbol);
  }

  protected observe(candle: Candle): void {
    let window = this.windows.get(candle.symbol);
    if (window === undefined) {
      window = new RollingStdDev(this.parameters.lookback);
      this.windows.set(candle.symbol, window);
    }
    window.add(Number(candle.close));
  }

  protected decide(candle: Candle, context: StrategyContext): Signal[] {
    const position = positionOn(context, candle.symbol);
    if (position !== undefined) {
      return position.size.startsWith('-') ? [] : this.exits(candle, position);
    }
    const window = this.fullWindow(candle.symbol);
    if (
      window === null ||
      Number(candle.close) >= window.mean - this.parameters.entryStdDevs * window.stdDev ||
      this.whaleBlocks(candle)
    ) {
      return [];
    }
    const close = new Decimal(candle.close);
    const { positionPct, stopLossPct, takeProfitPct } = this.parameters;
    return [
      {
        ...this.signal(candle, 'bid', 'entry', 'close-below-lower-band'),
        size: new Decimal(context.portfolio.equityUsd)
          .mul(positionPct)
          .div(100)
          .div(close)
          .toFixed(),
        price: candle.close,
        stopLoss: close.mul(new Decimal(100).minus(stopLossPct)).div(100).toFixed(),
        takeProfit: close.mul(new Decimal(100).plus(takeProfitPct)).div(100).toFixed(),
      },
    ];
  }

  /** Most candles of a held position exit nowhere: they are checked without allocating. */
  private exits(candle: Candle, position: StrategyPosition): Signal[] {
    const { stop, target } = this.exitLevels(candle.symbol, position.entryPrice);
    if (atOrBelow(candle.low, stop)) {
      return this.exit(
        candle,
        position,
        'stop-loss',
        Decimal.min(new Decimal(candle.open), stop.exact),
      );
    }
    if (atOrAbove(candle.high, target)) {
      return this.exit(
        candle,
        position,
        'take-profit',
        Decimal.max(new Decimal(candle.open), target.exact),
      );
    }
    const window = this.fullWindow(candle.symbol);
    if (
      window !== null &&
      Number(candle.close) > window.mean + this.parameters.exitStdDevs * window.stdDev
    ) {
      return this.exit(candle, position, 'close-above-upper-band', new Decimal(candle.close));
    }
    return [];
  }

  private exit(
    candle: Candle,
    position: StrategyPosition,
    reason: MeanReversionReason,
    price: Decimal,
  ): Signal[] {
    return [
      {
        ...this.signal(candle, 'ask', 'exit', reason),
        size: position.size,
        price: price.toFixed(),
        stopLoss: null,
        takeProfit: null,
      },
    ];
  }

  /** The stop and target of a position entered at `entryPrice`, kept while it is held. */
  private exitLevels(symbol: string, entryPrice: string): ExitLevels {
    const known = this.levels.get(symbol);
    if (known?.entryPrice === entryPrice) {
      return known;
    }
    const entry = new Decimal(entryPrice);
    const { stopLossPct, takeProfitPct } = this.parameters;
    const levels = {
      entryPrice,
      stop: priceLevel(entry.mul(new Decimal(100).minus(stopLossPct)).div(100)),
      target: priceLevel(entry.mul(new Decimal(100).plus(takeProfitPct)).div(100)),
    };
    this.levels.set(symbol, levels);
    return levels;
  }

  private fullWindow(symbol: string): RollingStdDev | null {
    const window = this.windows.get(symbol);
    return window?.isFull ? window : null;
  }

  private bands(candle: Candle): Bands | null {
    const window = this.fullWindow(candle.symbol);
    if (window === null) {
      return null;
    }
    const { mean, stdDev } = window;
    const { entryStdDevs, exitStdDevs } = this.parameters;
    return {
      mean,
      stdDev,
      lower: mean - entryStdDevs * stdDev,
      upper: mean + exitStdDevs * stdDev,
    };
  }

  /** A whale detected within whaleMaxAgeMinutes before the candle closed (not after it). */
  private whaleBlocks(candle: Candle): boolean {
    const seen = this.askWhaleSeenAt.get(candle.symbol);
    if (seen === undefined) {
      return false;
    }
    const age = candleEnd(candle).getTime() - seen;
    return age >= 0 && age <= this.parameters.whaleMaxAgeMinutes * 60_000;
  }

  private signal(
    candle: Candle,
    side: Signal['side'],
    intent: Signal['intent'],
    reason: MeanReversionReason,
  ): Pick<Signal, 'symbol' | 'side' | 'intent' | 'reason' | 'indicators' | 'bucketStart'> {
    const bands = this.bands(candle);
    const indicators: Record<string, string> = { close: candle.close };
    if (bands !== null) {
      indicators.mean = indicatorString(bands.mean);
      indicators.stdDev = indicatorString(bands.stdDev);
      indicators.lowerBand = indicatorString(bands.lower);
      indicators.upperBand = indicatorString(bands.upper);
    }
    return {
      symbol: candle.symbol,
      side,
      intent,
      reason,
      indicators,
      bucketStart: candle.bucketStart,
    };
  }
}

/** A stop or target: exact, and as the nearest double for a quick first comparison. */
interface PriceLevel {
  readonly exact: Decimal;
  readonly approx: number;
}

interface ExitLevels {
  readonly entryPrice: string;
  readonly stop: PriceLevel;
  readonly target: PriceLevel;
}

function priceLevel(exact: Decimal): PriceLevel {
  return { exact, approx: exact.toNumber() };
}

/*
 * Exact comparisons of a candle price with a level, the decimals compared only when the doubles
 * are within 1e-9 of each other: a parsed double is within 2^-53 (relative) of its decimal, so a
 * wider gap decides alone. Most candles of a held position touch neither level.
 */
function atOrBelow(price: string, level: PriceLevel): boolean {
  return Number(price) <= level.approx * (1 + 1e-9) && new Decimal(price).lte(level.exact);
}

function atOrAbove(price: string, level: PriceLevel): boolean {
  return Number(price) >= level.approx * (1 - 1e-9) && new Decimal(price).gte(level.exact);
}

interface Bands {
  readonly mean: number;
  readonly stdDev: number;
  readonly lower: number;
  readonly upper: number;
}

export const meanReversion = defineStrategy({
  name: 'mean_reversion',
  description:
    'Long when the close falls below mean − 2σ, out above mean + 2σ, stop −3 %, target +5 %',
  parameters: meanReversionParameters,
  create: (id, parameters) => new MeanReversionStrategy(id, parameters),
});
