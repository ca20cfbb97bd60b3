import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';

import { uuidv7 } from '@nexwave/core';
import {
  entryJson,
  orderBookStream,
  StreamPort,
  type StreamConsumer,
  type StreamEntry,
} from '@nexwave/messaging';

import type { OrderBookSnapshot } from '../../domain/order-book';
import { parseOrderBookEntry } from './order-book-entry.schema';

/** The consumer group of every whale tracker: replicas share the entries of each stream. */
export const WHALE_TRACKER_GROUP = 'whale-tracker';

/**
 * Reads `orderbook:{SYMBOL}` for the given symbols in the `whale-tracker` group, from new entries
 * on (an old snapshot is worth nothing), and hands each valid snapshot over. Entries are
 * acknowledged as soon as they are read; a malformed one is logged and acknowledged too, since
 * reading it again would not mend it.
 */
export class OrderBookStreamReader {
  private readonly logger = new Logger(OrderBookStreamReader.name);
  private consumer?: StreamConsumer;
  private malformed = 0;

  constructor(private readonly streams: StreamPort) {}

  async start(
    symbols: readonly string[],
    onBook: (book: OrderBookSnapshot) => void,
  ): Promise<void> {
    this.consumer = await this.streams.consume({
      streams: symbols.map(orderBookStream),
      group: WHALE_TRACKER_GROUP,
      consumer: `${hostname()}-${process.pid}-${uuidv7().slice(-12)}`,
      startId: '$',
      batchSize: 100,
      handler: (entry) => {
        this.read(entry, onBook);
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  private read(entry: StreamEntry, onBook: (book: OrderBookSnapshot) => void): void {
    let book: OrderBookSnapshot | string;
    try {
      book = parseOrderBookEntry(entryJson(entry));
    } catch (error) {
      book = String(error);
    }
    if (typeof book === 'string') {
      this.malformed += 1;
      this.logger.warn(
        `Skipped malformed ${entry.stream} entry ${entry.id} (${this.malformed} so far): ${book}`,
      );
      return;
    }
    onBook(book);
  }
}
