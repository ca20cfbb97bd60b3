import { encodeStreamEntry, StreamFamilies, StreamPort } from '@nexwave/messaging';

import { MarketStreamPublisherPort } from '../../application/ports/market-stream-publisher.port';
import type { OrderBook } from '../../domain/order-book';
import type { Tick } from '../../domain/tick';

/**
 * Writes `orderbook:{SYMBOL}` (one entry per snapshot) and `trades:{SYMBOL}` (one per trade) as
 * their contracts in @nexwave/messaging say, checking each entry against its contract first.
 * Both are trimmed to about `maxLen` entries, so a slow reader never grows them without bound.
 */
export class StreamMarketPublisher extends MarketStreamPublisherPort {
  constructor(
    private readonly streams: StreamPort,
    private readonly maxLen: number,
  ) {
    super();
  }

  async publishBook(book: OrderBook): Promise<void> {
    const { stream, fields } = encodeStreamEntry(StreamFamilies.OrderBook, {
      ...book,
      time: book.time.toISOString(),
      bids: [...book.bids],
      asks: [...book.asks],
    });
    await this.streams.append(stream, fields, { maxLen: this.maxLen });
  }

  async publishTrades(symbol: string, ticks: readonly Tick[]): Promise<void> {
    for (const tick of ticks) {
      const { stream, fields } = encodeStreamEntry(StreamFamilies.Trades, {
        symbol,
        tradeId: tick.tradeId,
        price: tick.price,
        size: tick.size,
        side: tick.side === 'buy' ? 'bid' : 'ask',
        time: tick.time.toISOString(),
      });
      await this.streams.append(stream, fields, { maxLen: this.maxLen });
    }
  }
}
