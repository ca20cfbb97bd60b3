import type { HistoricalTrade } from '../../domain/backfill';
import type { RawOrderBook } from '../../domain/order-book';
import type { RawTrade } from '../../domain/tick';

export interface MarketFeedHandlers {
  onBook(book: RawOrderBook): void;
  onTrades(trades: readonly RawTrade[]): void;
}

/** The exchange's public market data: live books and trades, its market list and trade history. */
export abstract class MarketFeedPort {
  /** How many trades `recentTrades` returns at most; a full answer may be truncated. */
  abstract readonly historyLimit: number;

  /** Every market the exchange lists, symbols in their exact case. */
  abstract listSymbols(): Promise<string[]>;

  /** Subscribes to books and trades of the symbols; resolves once connected. */
  abstract start(symbols: readonly string[], handlers: MarketFeedHandlers): Promise<void>;

  /** A counter bumped on every reconnect: trades seen on a newer connection may follow a gap. */
  abstract connection(): number;

  abstract recentTrades(symbol: string): Promise<HistoricalTrade[]>;

  abstract stop(): Promise<void>;
}
