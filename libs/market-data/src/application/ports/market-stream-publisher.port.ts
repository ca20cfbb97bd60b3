import type { OrderBook } from '../../domain/order-book';
import type { Tick } from '../../domain/tick';

/** Publishes normalised market data to the per-symbol streams other contexts read. */
export abstract class MarketStreamPublisherPort {
  abstract publishBook(book: OrderBook): Promise<void>;

  abstract publishTrades(symbol: string, ticks: readonly Tick[]): Promise<void>;
}
