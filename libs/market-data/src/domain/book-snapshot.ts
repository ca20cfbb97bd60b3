import type { OrderBook } from './order-book';

/** One price level as recorded: [price, amount], decimal strings as the exchange sent them. */
export type RecordedLevel = readonly [price: string, amount: string];

/** A recorded order book: the top levels of each side, best first, at the exchange's time. */
export interface BookSnapshot {
  readonly time: Date;
  readonly symbol: string;
  readonly bids: readonly RecordedLevel[];
  readonly asks: readonly RecordedLevel[];
}

export function bookSnapshot(book: OrderBook, levels: number): BookSnapshot {
  const top = (side: OrderBook['bids']) =>
    side.slice(0, levels).map((level): RecordedLevel => [level.price, level.amount]);
  return { time: book.time, symbol: book.symbol, bids: top(book.bids), asks: top(book.asks) };
}

/**
 * At most one snapshot per symbol per `intervalMs` of exchange time: the first book of a symbol is
 * taken, then the first one at least `intervalMs` after the last taken.
 */
export class BookSnapshotThrottle {
  private readonly lastTaken = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  take(book: OrderBook): boolean {
    const time = book.time.getTime();
    const last = this.lastTaken.get(book.symbol);
    if (last !== undefined && time - last < this.intervalMs) {
      return false;
    }
    this.lastTaken.set(book.symbol, time);
    return true;
  }
}
