import type { DataSource } from 'typeorm';

import {
  MarketHistoryPort,
  type MarketEvent,
  type MarketHistoryQuery,
} from '../../application/ports/market-history.port';
import type { RecordedLevel } from '../../domain/book-snapshot';
import type { TakerSide, TickSource } from '../../domain/tick';
import { SELECT_BOOKS_PAGE, SELECT_TICKS_PAGE } from './market-data.sql';

interface TickRow {
  time: Date;
  key_time: string;
  symbol: string;
  price: string;
  size: string;
  side: TakerSide;
  trade_id: string;
  source: TickSource;
}

interface BookRow {
  time: Date;
  key_time: string;
  symbol: string;
  bids: RecordedLevel[];
  asks: RecordedLevel[];
}

const DEFAULT_PAGE_SIZE = 5_000;

/**
 * Replays `ticks` and `order_book_snapshots` with keyset pages (one page of each in memory),
 * merged by time. Pages resume after the last key read, exactly (the key's time is read back as
 * text, so no precision is lost).
 */
export class TypeOrmMarketHistory extends MarketHistoryPort {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {
    super();
  }

  async *events(query: MarketHistoryQuery): AsyncIterable<MarketEvent> {
    const trades = (query.trades ?? true) ? this.trades(query) : empty();
    const books = (query.books ?? true) ? this.books(query) : empty();
    let trade = await trades.next();
    let book = await books.next();
    while (!trade.done || !book.done) {
      if (!book.done && (trade.done || book.value.time <= trade.value.time)) {
        yield book.value;
        book = await books.next();
      } else if (!trade.done) {
        yield trade.value;
        trade = await trades.next();
      }
    }
  }

  private async *trades(query: MarketHistoryQuery): AsyncGenerator<MarketEvent> {
    const rows = this.pages<TickRow>(
      SELECT_TICKS_PAGE,
      query,
      [query.from.toISOString(), '', ''],
      (last) => [last.key_time, last.symbol, last.trade_id],
    );
    for await (const row of rows) {
      yield {
        kind: 'trade',
        time: row.time,
        trade: {
          time: row.time,
          symbol: row.symbol,
          price: row.price,
          size: row.size,
          side: row.side,
          tradeId: row.trade_id,
          source: row.source,
        },
      };
    }
  }

  private async *books(query: MarketHistoryQuery): AsyncGenerator<MarketEvent> {
    // The key starts just before `from`: `(time, symbol) > (from, '')` includes every symbol at `from`.
    const rows = this.pages<BookRow>(
      SELECT_BOOKS_PAGE,
      query,
      [query.from.toISOString(), ''],
      (last) => [last.key_time, last.symbol],
    );
    for await (const row of rows) {
      yield {
        kind: 'book',
        time: row.time,
        book: { time: row.time, symbol: row.symbol, bids: row.bids, asks: row.asks },
      };
    }
  }

  /** The rows of a keyset-paged query, one page in memory; the next page starts after `keyOf(last)`. */
  private async *pages<Row>(
    sql: string,
    query: MarketHistoryQuery,
    firstKey: string[],
    keyOf: (last: Row) => string[],
  ): AsyncGenerator<Row> {
    let key = firstKey;
    for (;;) {
      const rows: Row[] = await this.dataSource.query(sql, [
        query.symbols,
        query.to.toISOString(),
        ...key,
        this.pageSize,
      ]);
      yield* rows;
      if (rows.length < this.pageSize) {
        return;
      }
      key = keyOf(rows[rows.length - 1]);
    }
  }
}

async function* empty(): AsyncGenerator<MarketEvent> {}
