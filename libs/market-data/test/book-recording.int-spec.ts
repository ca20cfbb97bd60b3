import { DataSource } from 'typeorm';

import { systemClock } from '@nexwave/core';
import { FixedClock, until } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { MemoryStreamAdapter } from '@nexwave/messaging/testing';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { BookRecorder } from '../src/application/ingestion/book-recorder';
import { MarketDataIngestion } from '../src/application/ingestion/market-data-ingestion';
import { TickWriter } from '../src/application/ingestion/tick-writer';
import { MarketDataMetrics } from '../src/application/market-data.metrics';
import type { MarketEvent } from '../src/application/ports/market-history.port';
import type { OrderBook } from '../src/domain/order-book';
import { PacificaMarketFeed } from '../src/infrastructure/exchange/pacifica-market.feed';
import { IngestionLifecycle } from '../src/infrastructure/ingestion/ingestion.providers';
import { MARKET_DATA_ENTITIES } from '../src/infrastructure/persistence/market-data.entities';
import { TypeOrmBookSnapshotStore } from '../src/infrastructure/persistence/typeorm-book-snapshot.store';
import { TypeOrmMarketHistory } from '../src/infrastructure/persistence/typeorm-market-history';
import { TypeOrmTickStore } from '../src/infrastructure/persistence/typeorm-tick.store';
import { StreamMarketPublisher } from '../src/infrastructure/streams/stream-market.publisher';
import { ingestionCommandBus } from '../src/testing/ingestion-command-bus';

const T0 = Date.UTC(2026, 0, 5, 12);

interface SnapshotRow {
  time: Date;
  symbol: string;
  bids: [string, string][];
  asks: [string, string][];
}

describe('RECORD_BOOKS: live books recorded and replayed with the trades', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let sim: PacificaSim;
  let ingestion: MarketDataIngestion;
  let recorder: BookRecorder;
  const clock = new FixedClock(new Date(T0));
  const seen: OrderBook[] = [];
  let stopped = false;
  let lifecycle: IngestionLifecycle;

  beforeAll(async () => {
    database = await startTestDatabase();
    dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    sim = await startPacificaSim({ port: 0, seed: 3, bookIntervalMs: 0, clock });
    const feed = new PacificaMarketFeed({
      restUrl: sim.url,
      wsUrl: sim.wsUrl,
      bookStaleAfterMs: 0,
      reconnect: { baseDelayMs: 5, maxDelayMs: 20 },
    });
    const metrics = new MarketDataMetrics();
    const writer = new TickWriter(new TypeOrmTickStore(dataSource), metrics, {
      buffer: { batchSize: 500, maxWaitMs: 10, capacity: 10_000 },
      retry: { baseDelayMs: 10, maxDelayMs: 100 },
      shutdownAttempts: 2,
      clock: systemClock,
    });
    ingestion = new MarketDataIngestion(
      feed,
      writer,
      ingestionCommandBus(writer),
      new StreamMarketPublisher(new MemoryStreamAdapter(), 1_000),
      metrics,
      systemClock,
      { symbols: ['BTC', 'ETH'], quietAfterMs: 60_000, maxBooksInFlight: 1_000, listRetryMs: 50 },
    );
    recorder = new BookRecorder(new TypeOrmBookSnapshotStore(dataSource), {
      intervalMs: 1_000,
      levels: 3,
      maxBuffered: 100,
    });
    ingestion.on('book', (book) => seen.push(book));
    // The app's wiring when RECORD_BOOKS=true: the lifecycle feeds the books to the recorder.
    lifecycle = new IngestionLifecycle(ingestion, recorder);
    lifecycle.onApplicationBootstrap();
  });

  afterAll(async () => {
    if (stopped) {
      await recorder?.stop();
    } else {
      await lifecycle?.onModuleDestroy();
    }
    await sim?.stop();
    await database?.stop();
  });

  /** Ticks the simulator until both markets' books of the current (fixed) time have arrived. */
  async function booksAt(time: number): Promise<void> {
    await until(() => {
      const arrived = ['BTC', 'ETH'].every((symbol) =>
        seen.some((book) => book.symbol === symbol && book.time.getTime() === time),
      );
      if (!arrived) {
        sim.tick();
      }
      return arrived;
    }, "both markets' books at the fixed time");
  }

  it('stores one snapshot per symbol per interval, top levels only, then replays them in time order with the trades', async () => {
    await booksAt(T0);
    clock.advance(300);
    await booksAt(T0 + 300);
    clock.advance(700);
    await booksAt(T0 + 1_000);
    await recorder.flush();

    const rows: SnapshotRow[] = await dataSource.query(
      `SELECT time, symbol, bids, asks FROM order_book_snapshots ORDER BY time, symbol`,
    );
    expect(rows.map((row) => [row.time.getTime() - T0, row.symbol])).toEqual([
      [0, 'BTC'],
      [0, 'ETH'],
      [1_000, 'BTC'],
      [1_000, 'ETH'],
    ]);
    const lastBtc = [...seen]
      .reverse()
      .find((b) => b.symbol === 'BTC' && b.time.getTime() === T0 + 1_000)!;
    expect(rows[2].bids).toEqual(lastBtc.bids.slice(0, 3).map((l) => [l.price, l.amount]));
    expect(rows[2].asks).toEqual(lastBtc.asks.slice(0, 3).map((l) => [l.price, l.amount]));
    expect(rows.every((row) => row.bids.length === 3 && row.asks.length === 3)).toBe(true);

    // A snapshot already stored (same symbol and time) is skipped.
    const store = new TypeOrmBookSnapshotStore(dataSource);
    const again = { time: rows[0].time, symbol: 'BTC', bids: [], asks: [] };
    expect(await store.insert([again])).toBe(0);
    expect(await store.insert([{ ...again, time: new Date(T0 + 1) }])).toBe(1);
    await dataSource.query(`DELETE FROM order_book_snapshots WHERE time = $1`, [new Date(T0 + 1)]);

    // The simulator's own trades were stored too; replace them with known ones.
    await ingestion.stop();
    stopped = true;
    await dataSource.query(`DELETE FROM ticks`);
    await new TypeOrmTickStore(dataSource).insert(
      [
        [T0 + 500, 'BTC', 'a'],
        [T0 + 500, 'ETH', 'b'],
        [T0 + 1_000, 'BTC', 'c'],
        [T0 + 2_000, 'BTC', 'late'],
        [T0 + 500, 'SOL', 'other'],
      ].map(([time, symbol, tradeId]) => ({
        time: new Date(time),
        symbol: symbol as string,
        price: '100.5',
        size: '0.1',
        side: 'buy' as const,
        tradeId: tradeId as string,
        source: 'pacifica' as const,
      })),
    );

    // A page of one row: the iterator reads page after page, holding one of each.
    const history = new TypeOrmMarketHistory(dataSource, 1);
    const replay = async (books = true): Promise<string[]> => {
      const out: string[] = [];
      for await (const event of history.events({
        symbols: ['BTC', 'ETH'],
        from: new Date(T0),
        to: new Date(T0 + 2_000),
        books,
      })) {
        out.push(label(event));
      }
      return out;
    };
    expect(await replay()).toEqual([
      'book BTC 0',
      'book ETH 0',
      'trade BTC 500 a',
      'trade ETH 500 b',
      'book BTC 1000',
      'book ETH 1000',
      'trade BTC 1000 c',
    ]);
    expect(await replay(false)).toEqual(['trade BTC 500 a', 'trade ETH 500 b', 'trade BTC 1000 c']);
  });
});

function label(event: MarketEvent): string {
  return event.kind === 'book'
    ? `book ${event.book.symbol} ${event.time.getTime() - T0}`
    : `trade ${event.trade.symbol} ${event.time.getTime() - T0} ${event.trade.tradeId}`;
}
