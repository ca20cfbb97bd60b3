import {
  ContractStreamReader,
  processUniqueName,
  StreamFamilies,
  StreamPort,
  type OrderBookLevelV1,
} from '@nexwave/messaging';

import type { Level, OrderBookSnapshot } from '../../domain/order-book';

/** The consumer group of every whale tracker: replicas share the entries of each stream. */
export const WHALE_TRACKER_GROUP = 'whale-tracker';

const toLevel = ({ price, amount, orders }: OrderBookLevelV1): Level => ({ price, amount, orders });

/**
 * Reads `orderbook:{SYMBOL}` (contract marketdata.orderbook v1) for the given symbols in the
 * `whale-tracker` group, from new entries on (an old snapshot is worth nothing), and hands each
 * snapshot over; a malformed entry goes to the stream's dead letters.
 */
export class OrderBookStreamReader {
  private readonly reader: ContractStreamReader<typeof StreamFamilies.OrderBook>;

  constructor(streams: StreamPort) {
    this.reader = new ContractStreamReader(streams, StreamFamilies.OrderBook, {
      group: WHALE_TRACKER_GROUP,
      consumer: processUniqueName(),
      startId: '$',
      batchSize: 100,
    });
  }

  start(symbols: readonly string[], onBook: (book: OrderBookSnapshot) => void): Promise<void> {
    return this.reader.start(symbols, (book) =>
      onBook({
        symbol: book.symbol,
        time: new Date(book.time),
        bids: book.bids.map(toLevel),
        asks: book.asks.map(toLevel),
      }),
    );
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }
}
