import { Decimal } from '@nexwave/core';

import { CandleSeries } from './candles';

const d = (v: string) => new Decimal(v);

describe('CandleSeries', () => {
  it('builds minute candles and merges them into longer intervals', () => {
    const series = new CandleSeries();
    series.record(0, d('100'), d('1'));
    series.record(30_000, d('105'), d('2'));
    series.record(61_000, d('95'), d('1'));
    series.record(301_000, d('101'), d('1'));
    const minutes = series.query('1m', 0, 400_000);
    expect(minutes.map((c) => [c.openTime, c.open.toString(), c.close.toString()])).toEqual([
      [0, '100', '105'],
      [60_000, '95', '95'],
      [300_000, '101', '101'],
    ]);
    const fives = series.query('5m', 0, 400_000);
    expect(fives).toHaveLength(2);
    expect(fives[0]).toMatchObject({ openTime: 0, closeTime: 299_999, trades: 3 });
    expect([fives[0].high.toString(), fives[0].low.toString(), fives[0].volume.toString()]).toEqual(
      ['105', '95', '4'],
    );
    expect(series.query('5m', 300_000, 400_000)).toHaveLength(1);
  });
});
