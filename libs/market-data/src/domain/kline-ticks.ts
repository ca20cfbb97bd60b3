import { Decimal } from '@nexwave/core';

import type { Tick } from './tick';

/** A candle as the exchange's history serves it (decimal strings, epoch ms). */
export interface Kline {
  readonly openTime: number;
  readonly closeTime: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
}

/**
 * A downloaded candle as four synthetic ticks inside its bucket: open at its first millisecond,
 * high and low next, close at its last, the volume split between them. The candle aggregates roll
 * them up into exactly this candle's open, high, low, close and volume (trade count 4, VWAP an
 * estimate), and every level above it too. Trade ids are derived from the candle, so storing it
 * again is a no-op.
 */
export function klineTicks(symbol: string, interval: string, kline: Kline): Tick[] {
  const volume = new Decimal(kline.volume);
  const quarter = volume.div(4).toDecimalPlaces(volume.decimalPlaces(), Decimal.ROUND_DOWN);
  const side = new Decimal(kline.close).gte(kline.open) ? 'buy' : 'sell';
  const points = [
    { at: kline.openTime, price: kline.open, size: quarter, tag: 'o' },
    { at: kline.openTime + 1, price: kline.high, size: quarter, tag: 'h' },
    { at: kline.openTime + 2, price: kline.low, size: quarter, tag: 'l' },
    { at: kline.closeTime, price: kline.close, size: volume.minus(quarter.mul(3)), tag: 'c' },
  ];
  return points.map((point) => ({
    time: new Date(point.at),
    symbol,
    price: point.price,
    size: point.size.toFixed(),
    side,
    tradeId: `kline:${interval}:${kline.openTime}:${point.tag}`,
    source: 'kline',
  }));
}
