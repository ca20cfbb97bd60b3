import { candleEnd, type Candle } from '@nexwave/strategy';

/**
 * Merges per-symbol candle arrays (each in time order) into one stream in time order; candles
 * closing at the same instant come in the order of the arrays given.
 */
export function* mergeCandles(series: readonly (readonly Candle[])[]): Generator<Candle> {
  const next = series.map(() => 0);
  for (;;) {
    let pick = -1;
    let pickEnd = Infinity;
    series.forEach((candles, i) => {
      const candle = candles[next[i]];
      if (candle !== undefined && candleEnd(candle).getTime() < pickEnd) {
        pick = i;
        pickEnd = candleEnd(candle).getTime();
      }
    });
    if (pick < 0) {
      return;
    }
    yield series[pick][next[pick]++];
  }
}
