import type { CandleRequest } from '../../domain/candle-request';

/** One OHLCV candle; prices and volume are decimal strings, exactly as stored. */
export interface Candle {
  /** Open time of the candle, ISO 8601 UTC. */
  time: string;
  open: string;
  high: string;
  low: string;
  close: string;
  /** Sum of trade sizes (base units). */
  volume: string;
  /** Volume-weighted average price; null for a candle with zero volume. */
  vwap: string | null;
  tradeCount: number;
}

export interface LatestPrice {
  symbol: string;
  price: string;
  /** Time of the newest trade, ISO 8601 UTC. */
  time: string;
}

/** Read side of candles and prices (DI token). */
export abstract class CandleReadModelPort {
  abstract candles(request: CandleRequest): Promise<Candle[]>;
  abstract symbols(): Promise<string[]>;
  abstract isKnownSymbol(symbol: string): Promise<boolean>;
  abstract latestPrices(): Promise<LatestPrice[]>;
}
