import { Decimal } from '@nexwave/core';

import { klineTicks } from './kline-ticks';

describe('klineTicks', () => {
  const kline = {
    openTime: 1_800_000_000_000 - 20_000,
    closeTime: 1_800_000_000_000 + 39_999,
    open: '100.5',
    high: '102',
    low: '99.9',
    close: '101',
    volume: '1.00003',
  };

  it('rolls back up into the candle: open first, close last, extremes, the whole volume', () => {
    const ticks = klineTicks('ETH', '1m', kline);
    expect(ticks.map((t) => [t.time.getTime() - kline.openTime, t.price])).toEqual([
      [0, '100.5'],
      [1, '102'],
      [2, '99.9'],
      [59_999, '101'],
    ]);
    const volume = ticks.reduce((sum, t) => sum.plus(t.size), new Decimal(0));
    expect(volume.toFixed()).toBe('1.00003');
    expect(ticks.every((t) => t.symbol === 'ETH' && t.source === 'kline' && t.side === 'buy')).toBe(
      true,
    );
  });

  it('derives trade ids from the candle, so a second download collides with the first', () => {
    expect(klineTicks('ETH', '1m', kline).map((t) => t.tradeId)).toEqual(
      ['o', 'h', 'l', 'c'].map((tag) => `kline:1m:${kline.openTime}:${tag}`),
    );
  });
});
