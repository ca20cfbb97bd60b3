import type { ClosedBucket } from '../../domain/closed-buckets';
import type { Candle } from '../queries/candle-read-model.port';

export interface SymbolCandle extends Candle {
  symbol: string;
}

/** The candles of one closed bucket, one per symbol that traded in it (DI token). */
export abstract class ClosedCandlesPort {
  abstract candlesOf(bucket: ClosedBucket): Promise<SymbolCandle[]>;
}
