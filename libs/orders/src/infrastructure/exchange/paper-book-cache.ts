import { Decimal } from '@nexwave/core';

import type { BookSnapshot } from '../../domain/paper-fill-model';

/** One market's book as market-data published it, with the exchange time of the snapshot. */
export interface PaperBook extends BookSnapshot {
  readonly symbol: string;
  readonly time: Date;
}

export type BookLookup =
  | { readonly ok: true; readonly book: PaperBook }
  | { readonly ok: false; readonly code: 'NO_BOOK' | 'STALE_BOOK'; readonly reason: string };

/**
 * The newest book per market. An order is filled only against a book younger than `maxAgeMs`
 * (by the snapshot's own time), so a stopped feed refuses orders instead of filling them at old
 * prices; marks for equity use the newest book whatever its age.
 */
export class PaperBookCache {
  private readonly books = new Map<string, PaperBook>();

  constructor(private readonly maxAgeMs: number) {}

  /** Keeps `book` unless a newer one is already held (entries can arrive out of order); true when kept. */
  put(book: PaperBook): boolean {
    const held = this.books.get(book.symbol);
    if (held && held.time.getTime() > book.time.getTime()) {
      return false;
    }
    this.books.set(book.symbol, book);
    return true;
  }

  current(symbol: string, now: Date): BookLookup {
    const book = this.books.get(symbol);
    if (!book) {
      return { ok: false, code: 'NO_BOOK', reason: `no order book received yet for ${symbol}` };
    }
    const ageMs = now.getTime() - book.time.getTime();
    if (ageMs > this.maxAgeMs) {
      return {
        ok: false,
        code: 'STALE_BOOK',
        reason: `the newest ${symbol} order book is ${ageMs} ms old (limit ${this.maxAgeMs} ms)`,
      };
    }
    return { ok: true, book };
  }

  /** When the newest book of `symbol` was taken; null before the first. */
  time(symbol: string): Date | null {
    return this.books.get(symbol)?.time ?? null;
  }

  /** (best bid + best ask) / 2 of the newest book; one side when the other is empty; null without a book. */
  mid(symbol: string): Decimal | null {
    const book = this.books.get(symbol);
    const bid = book?.bids[0]?.price;
    const ask = book?.asks[0]?.price;
    if (bid !== undefined && ask !== undefined) {
      return new Decimal(bid).plus(ask).div(2);
    }
    const one = bid ?? ask;
    return one === undefined ? null : new Decimal(one);
  }
}
