import { Decimal } from '@nexwave/core';

import { mergeMinutes } from './candles';
import { DEFAULT_MARKETS } from './market';
import { MarketHistory } from './market-history';

const BTC = DEFAULT_MARKETS[0];
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

describe('MarketHistory', () => {
  it('gives the same trades for the same seed and minute, and others for another seed', () => {
    const a = new MarketHistory(BTC, 7);
    const b = new MarketHistory(BTC, 7);
    const other = new MarketHistory(BTC, 8);
    expect(a.tradesOf(T0)).toEqual(b.tradesOf(T0));
    expect(a.tradesOf(T0)).not.toEqual(other.tradesOf(T0));
  });

  it('builds each minute candle from exactly the trades of that minute', () => {
    const history = new MarketHistory(BTC, 1);
    for (let open = T0; open < T0 + 30 * 60_000; open += 60_000) {
      const trades = history.tradesOf(open);
      const candle = history.minute(open);
      const prices = trades.map((t) => t.price);
      expect(trades.every((t) => t.time >= open && t.time < open + 60_000)).toBe(true);
      expect(candle.open.eq(prices[0])).toBe(true);
      expect(candle.close.eq(prices[prices.length - 1])).toBe(true);
      expect(candle.high.eq(Decimal.max(...prices))).toBe(true);
      expect(candle.low.eq(Decimal.min(...prices))).toBe(true);
      expect(candle.volume.eq(trades.reduce((sum, t) => sum.plus(t.amount), new Decimal(0)))).toBe(
        true,
      );
      expect(candle.trades).toBe(trades.length);
      expect(candle.open.mod(BTC.tickSize).isZero()).toBe(true);
    }
  });

  it('moves like the live walk: continuous minute to minute, a few percent a day', () => {
    const history = new MarketHistory(BTC, 1);
    const days = [...history.minutes(T0, T0 + DAY)];
    expect(days).toHaveLength(1_440);
    for (let i = 1; i < days.length; i++) {
      const jump = days[i].open
        .div(days[i - 1].close)
        .minus(1)
        .abs();
      expect(jump.lt(0.005)).toBe(true);
    }
    const closes = days.map((c) => c.close.toNumber());
    const range = (Math.max(...closes) - Math.min(...closes)) / closes[0];
    expect(range).toBeGreaterThan(0.001);
    expect(range).toBeLessThan(0.2);
  });

  it('merges minutes into longer candles, at most `limit` of them', () => {
    const history = new MarketHistory(BTC, 1);
    const hours = mergeMinutes(history.minutes(T0, T0 + DAY), '1h', T0, T0 + DAY - 1, 5);
    expect(hours.map((c) => c.openTime)).toEqual([0, 1, 2, 3, 4].map((h) => T0 + h * 3_600_000));
    const firstHour = [...history.minutes(T0, T0 + 3_600_000)];
    expect(hours[0].trades).toBe(firstHour.reduce((sum, c) => sum + c.trades, 0));
    expect(hours[0].close.eq(firstHour[59].close)).toBe(true);
  });
});
