import { Logger } from '@nestjs/common';

import { bookSnapshot, BookSnapshotThrottle, type BookSnapshot } from '../../domain/book-snapshot';
import type { OrderBook } from '../../domain/order-book';
import type { BookSnapshotStorePort } from '../ports/book-snapshot-store.port';

export interface BookRecorderOptions {
  /** At most one snapshot per symbol this often (exchange time); also the flush period. */
  intervalMs: number;
  /** Levels kept per side. */
  levels: number;
  /** Snapshots held while the database is unavailable; the oldest are dropped beyond it. */
  maxBuffered: number;
}

/**
 * RECORD_BOOKS: takes throttled top-of-book snapshots of the live books and writes them in batches
 * (`flush`, every interval once started). Recording is best effort: a failed batch is logged and
 * dropped, never retried at the cost of the live feed.
 */
export class BookRecorder {
  private readonly logger = new Logger(BookRecorder.name);
  private readonly throttle: BookSnapshotThrottle;
  private buffer: BookSnapshot[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> = Promise.resolve(0);
  dropped = 0;

  constructor(
    private readonly store: BookSnapshotStorePort,
    private readonly options: BookRecorderOptions,
  ) {
    this.throttle = new BookSnapshotThrottle(options.intervalMs);
  }

  offer(book: OrderBook): void {
    if (!this.throttle.take(book)) {
      return;
    }
    this.buffer.push(bookSnapshot(book, this.options.levels));
    if (this.buffer.length > this.options.maxBuffered) {
      this.buffer.shift();
      this.dropped += 1;
    }
  }

  /** Writes what is buffered; resolves with the rows written. */
  flush(): Promise<number> {
    this.flushing = this.flushing.then(() => this.writeBuffered());
    return this.flushing;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.flush();
  }

  private async writeBuffered(): Promise<number> {
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) {
      return 0;
    }
    try {
      return await this.store.insert(batch);
    } catch (error) {
      this.dropped += batch.length;
      this.logger.warn(`${batch.length} book snapshots not recorded: ${String(error)}`);
      return 0;
    }
  }
}
