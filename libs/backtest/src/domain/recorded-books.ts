import type { RecordedBook } from './backtest-input';

/** A book as `order_book_snapshots` records it (market data's `BookSnapshot`): [price, amount] levels. */
export interface StoredBookSnapshot {
  readonly time: Date;
  readonly symbol: string;
  readonly bids: readonly (readonly [price: string, amount: string])[];
  readonly asks: readonly (readonly [price: string, amount: string])[];
}

/** Recorded snapshots (time-ordered, e.g. MarketHistoryPort's book events) as `BacktestInput.books`. */
export function recordedBooks(
  snapshots: Iterable<StoredBookSnapshot>,
): Record<string, RecordedBook[]> {
  const books: Record<string, RecordedBook[]> = {};
  const levels = (side: StoredBookSnapshot['bids']) =>
    side.map(([price, amount]) => ({ price, amount }));
  for (const snapshot of snapshots) {
    (books[snapshot.symbol] ??= []).push({
      time: snapshot.time,
      bids: levels(snapshot.bids),
      asks: levels(snapshot.asks),
    });
  }
  return books;
}
