import { deriveSeed, gaussian, seededRandom } from '@nexwave/core';
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
      const open = market.close;
      const close = open * Math.exp(hourlyVolatility * gaussian(market.random));
      const wick = () => open * hourlyVolatility * Math.abs(gaussian(market.random)) * 0.5;
      market.close = close;
      candles.push({
        symbol: market.symbol,
        timeframe: '1h',
        bucketStart: new Date(START + hour * HOUR_MS),
        open: open.toPrecision(8),
        high: (Math.max(open, close) + wick()).toPrecision(8),
        low: (Math.min(open, close) - wick()).toPrecision(8),
        close: close.toPrecision(8),
        volume: '1',
      });
    }
  }
  return candles;
}
