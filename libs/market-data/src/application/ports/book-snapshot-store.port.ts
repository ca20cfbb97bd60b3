import type { BookSnapshot } from '../../domain/book-snapshot';

/** Where recorded order books go (the `order_book_snapshots` hypertable). */
export abstract class BookSnapshotStorePort {
  /** Stores a batch; a snapshot already stored (same symbol and time) is skipped. Returns rows written. */
  abstract insert(snapshots: readonly BookSnapshot[]): Promise<number>;
}
