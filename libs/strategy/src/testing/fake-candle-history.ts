import { CandleHistoryPort } from '../application/ports/candle-history.port';
import type { Candle, Timeframe } from '../domain/strategy';

/** Candles a test stores, served like market-data's query side: the newest `count`, oldest first. */
export class FakeCandleHistory extends CandleHistoryPort {
  readonly candles: Candle[] = [];

  recent(symbol: string, timeframe: Timeframe, count: number): Promise<Candle[]> {
    const matching = this.candles
      .filter((candle) => candle.symbol === symbol && candle.timeframe === timeframe)
      .sort((a, b) => a.bucketStart.getTime() - b.bucketStart.getTime());
    return Promise.resolve(matching.slice(-count));
  }
}
