import type { Candle, Signal, Strategy, StrategyPosition, Timeframe } from '../strategy';
import { TIMEFRAME_MS } from '../strategy';

export const T0 = new Date('2026-01-15T00:00:00.000Z');

/** Candle number `index` of `timeframe` from T0; open, high and low default to the close. */
export function bar(
  index: number,
  close: number | string,
  prices: { open?: number; high?: number; low?: number } = {},
  symbol = 'BTC',
  timeframe: Timeframe = '1h',
): Candle {
  const text = (value: number | string | undefined) => String(value ?? close);
  return {
    symbol,
    timeframe,
    bucketStart: new Date(T0.getTime() + index * TIMEFRAME_MS[timeframe]),
    open: text(prices.open),
    high: text(prices.high ?? Math.max(Number(close), prices.open ?? 0)),
    low: text(prices.low ?? Math.min(Number(close), prices.open ?? Infinity)),
    close: text(close),
    volume: '1',
  };
}

/** Candles 0..closes.length-1 at these closes. */
export function bars(closes: readonly number[], symbol = 'BTC'): Candle[] {
  return closes.map((close, i) => bar(i, close, {}, symbol));
}

/**
 * Feeds candles to a strategy as a minimal engine would: every signal fills at its price at
 * once, so an entry opens a position and an exit closes it. Returns every signal in order.
 */
export function replay(
  strategy: Strategy,
  candles: readonly Candle[],
  equityUsd = '100000',
  initial: readonly StrategyPosition[] = [],
): Signal[] {
  let positions = [...initial];
  const signals: Signal[] = [];
  for (const candle of candles) {
    for (const signal of strategy.onCandle(candle, {
      positions,
      portfolio: { equityUsd, cashUsd: equityUsd },
    })) {
      signals.push(signal);
      positions = positions.filter((position) => position.symbol !== signal.symbol);
      if (signal.intent === 'entry') {
        const size = signal.side === 'bid' ? signal.size : `-${signal.size}`;
        positions.push({ symbol: signal.symbol, size, entryPrice: signal.price });
      }
    }
  }
  return signals;
}
