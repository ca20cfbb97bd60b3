import type { BookSnapshot } from '../../domain/book-snapshot';
import type { Tick } from '../../domain/tick';

/** One stored market event; trades come from `ticks` (any source), books from the recording. */
export type MarketEvent =
  | { readonly kind: 'trade'; readonly time: Date; readonly trade: Tick }
  | { readonly kind: 'book'; readonly time: Date; readonly book: BookSnapshot };

export interface MarketHistoryQuery {
  symbols: readonly string[];
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Default true. */
  trades?: boolean;
  /** Default true. */
  books?: boolean;
}

/**
 * Stored trades and recorded books of a period, in time order (a book before a trade of the same
 * instant), read page by page: memory stays bounded whatever the period. For replays (backtests).
 */
export abstract class MarketHistoryPort {
  abstract events(query: MarketHistoryQuery): AsyncIterable<MarketEvent>;
}
