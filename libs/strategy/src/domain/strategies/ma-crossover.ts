import { z } from 'zod';

import { Decimal } from '@nexwave/core';

import { Ema } from '../indicators/ema';
import {
  CandleStrategy,
  indicatorString,
  positionOn,
  timeframeSchema,
  type Candle,
  type Signal,
  type StrategyContext,
} from '../strategy';
import { defineStrategy } from '../strategy-definition';

export const maCrossoverParameters = z
  .strictObject({
    timeframe: timeframeSchema.default('1h'),
    fastPeriod: z.number().int().positive().default(12),
    slowPeriod: z.number().int().positive().default(26),
    positionPct: z.number().positive().max(100).default(10),
  })
  .refine((parameters) => parameters.fastPeriod < parameters.slowPeriod, {
    path: ['fastPeriod'],
    message: 'must be shorter than slowPeriod',
  });
export type MaCrossoverParameters = z.output<typeof maCrossoverParameters>;

interface Averages {
  readonly fast: Ema;
  readonly slow: Ema;
  fastAbove: boolean | null;
  /** Set on the candle where the fast EMA crossed the slow one, with both values. */
  cross: { readonly direction: 'up' | 'down'; readonly fast: number; readonly slow: number } | null;
}

/**
 * Long-only EMA crossover: enter when the fast EMA of closes crosses above the slow one, exit
 * when it crosses back below; both at the close, with no stop loss or take profit of its own.
 */
export class MaCrossoverStrategy extends CandleStrategy {
  readonly name = 'ma_crossover';
  readonly warmUpCandles: number;
  private readonly averages = new Map<string, Averages>();

  constructor(
    id: string,
    readonly parameters: MaCrossoverParameters,
  ) {
    super(id, parameters.timeframe);
    this.warmUpCandles = parameters.slowPeriod;
  }

  protected forget(symbol: string): void {
    this.averages.delete(symbol);
  }

  protected observe(candle: Candle): void {
    let averages = this.averages.get(candle.symbol);
    if (averages === undefined) {
      averages = {
        fast: new Ema(this.parameters.fastPeriod),
        slow: new Ema(this.parameters.slowPeriod),
        fastAbove: null,
        cross: null,
      };
      this.averages.set(candle.symbol, averages);
    }
    const fast = averages.fast.update(Number(candle.close));
    const slow = averages.slow.update(Number(candle.close));
    if (fast === null || slow === null) {
      return;
    }
    const was = averages.fastAbove;
    averages.fastAbove = fast > slow;
    averages.cross =
      was === null || was === averages.fastAbove
        ? null
        : { direction: averages.fastAbove ? 'up' : 'down', fast, slow };
  }

  protected decide(candle: Candle, context: StrategyContext): Signal[] {
    const cross = this.averages.get(candle.symbol)?.cross ?? null;
    const position = positionOn(context, candle.symbol);
    if (cross?.direction === 'up' && position === undefined) {
      const size = new Decimal(context.portfolio.equityUsd)
        .mul(this.parameters.positionPct)
        .div(100)
        .div(candle.close);
      return [this.signal(candle, cross, 'bid', 'entry', size.toFixed(), 'fast-crossed-above')];
    }
    if (cross?.direction === 'down' && position !== undefined && new Decimal(position.size).gt(0)) {
      return [this.signal(candle, cross, 'ask', 'exit', position.size, 'fast-crossed-below')];
    }
    return [];
  }

  private signal(
    candle: Candle,
    cross: NonNullable<Averages['cross']>,
    side: Signal['side'],
    intent: Signal['intent'],
    size: string,
    reason: string,
  ): Signal {
    return {
      symbol: candle.symbol,
      side,
      intent,
      size,
      price: candle.close,
      stopLoss: null,
      takeProfit: null,
      reason,
      indicators: {
        close: candle.close,
        fastEma: indicatorString(cross.fast),
        slowEma: indicatorString(cross.slow),
      },
      bucketStart: candle.bucketStart,
    };
  }
}

export const maCrossover = defineStrategy({
  name: 'ma_crossover',
  description: 'Long while the fast EMA of closes is above the slow one, entering on the cross',
  parameters: maCrossoverParameters,
  create: (id, parameters) => new MaCrossoverStrategy(id, parameters),
});
