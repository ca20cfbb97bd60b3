import { walkCandle } from '@nexwave/backtest/testing';
import { deriveSeed, seededRandom } from '@nexwave/core';
import type { Candle } from '@nexwave/strategy';

const HOUR_MS = 3_600_000;
export const START = Date.UTC(2026, 0, 15);

/**
 * Hourly candles of `symbols` markets on a geometric random walk, interleaved by hour as an engine
 * receives them. `hourlyVolatility` 0.015 (1.5 % a candle, ~7 % a day) is a volatile coin, enough
 * for mean reversion's 2σ bands, stops and targets to trade.
 */
export function randomWalkCandles(
  seed: number,
  symbols: number,
  hours: number,
  hourlyVolatility = 0.015,
): Candle[] {
  const markets = Array.from({ length: symbols }, (_, i) => {
    const symbol = `SYM${i}`;
    const random = seededRandom(deriveSeed(seed, symbol));
    return { symbol, random, close: 10 ** (random() * 4) }; // $1 .. $10,000
  });
  const candles: Candle[] = [];
  for (let hour = 0; hour < hours; hour++) {
    for (const market of markets) {
      const step = walkCandle(market.random, market.close, hourlyVolatility, {
        symbol: market.symbol,
        timeframe: '1h',
        bucketStart: new Date(START + hour * HOUR_MS),
      });
      market.close = step.close;
      candles.push(step.candle);
    }
  }
  return candles;
}
