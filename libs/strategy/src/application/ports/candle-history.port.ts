import type { Candle, Timeframe } from '../../domain/strategy';

/** Market-data's query side: the newest `count` candles of a symbol, oldest first. */
export abstract class CandleHistoryPort {
  abstract recent(symbol: string, timeframe: Timeframe, count: number): Promise<Candle[]>;
}
