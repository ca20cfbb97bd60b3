import { orderBookStream, StreamPort, tradesStream } from '@nexwave/messaging';

import { MarketStreamPublisherPort } from '../../application/ports/market-stream-publisher.port';
import type { OrderBook } from '../../domain/order-book';
import type { Tick } from '../../domain/tick';

/**
 * `orderbook:{SYMBOL}`: one entry per snapshot, JSON `data` = `{symbol, time (ISO), sequence?,
 * bids, asks}` with levels `{price, amount, orders, notionalUsd}`. `trades:{SYMBOL}`: one entry
 * per trade, flat string fields shaped as the `marketdata.trades.v1` contract (`side` bid =
 * buyer-initiated).
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
    await this.streams.append(
      orderBookStream(book.symbol),
      { ...book, time: book.time.toISOString() },
      { maxLen: this.maxLen },
    );
  }

  async publishTrades(symbol: string, ticks: readonly Tick[]): Promise<void> {
    const stream = tradesStream(symbol);
    for (const tick of ticks) {
      await this.streams.append(
        stream,
        {
          symbol: tick.symbol,
          tradeId: tick.tradeId,
          price: tick.price,
          size: tick.size,
          side: tick.side === 'buy' ? 'bid' : 'ask',
          time: tick.time.toISOString(),
        },
        { maxLen: this.maxLen },
      );
    }
  }
}
