import type { MarketRules } from '@nexwave/orders';
import type { Candle, Timeframe } from '@nexwave/strategy';

/** Stored candles and the exchange's market rules a run replays (DI token). */
export abstract class BacktestDataPort {
  /** Closed candles of `symbol` opening in `[from, to)`, oldest first. */
  abstract candles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]>;
  /** Lot and tick size of each symbol; throws for a symbol the exchange does not list. */
  abstract markets(symbols: readonly string[]): Promise<Record<string, MarketRules>>;
}
