import Redis from 'ioredis';
import { DataSource } from 'typeorm';

import { systemClock } from '@nexwave/core';
import { FixedClock, until } from '@nexwave/core/testing';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  entryJson,
  orderBookStream,
  tradesStream,
  tradeV1Schema,
  type StreamEntry,
  type StreamPort,
} from '@nexwave/messaging';
import {
  MemoryStreamAdapter,
  RedisStreamAdapter,
  startRedisServer,
} from '@nexwave/messaging/testing';
import { PacificaRestClient } from '@nexwave/pacifica';
import { type PacificaSimOptions } from '@nexwave/pacifica-sim';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import {
  MarketDataIngestion,
  type IngestionEvents,
} from '../src/application/ingestion/market-data-ingestion';
import { TickWriter } from '../src/application/ingestion/tick-writer';
import { MarketDataMetrics } from '../src/application/market-data.metrics';
import { PacificaMarketFeed } from '../src/infrastructure/exchange/pacifica-market.feed';
import { MARKET_DATA_ENTITIES } from '../src/infrastructure/persistence/market-data.entities';
import { TypeOrmTickStore } from '../src/infrastructure/persistence/typeorm-tick.store';
import { StreamMarketPublisher } from '../src/infrastructure/streams/stream-market.publisher';
import { ingestionCommandBus } from '../src/testing/ingestion-command-bus';

interface Harness {
  sim: PacificaSim;
  feed: PacificaMarketFeed;
  writer: TickWriter;
  metrics: MarketDataMetrics;
  ingestion: MarketDataIngestion;
  next<E extends keyof IngestionEvents>(
    event: E,
    match?: (payload: IngestionEvents[E]) => boolean,
  ): Promise<IngestionEvents[E]>;
  stop(): Promise<void>;
}

interface TickRow {
  time: Date;
  symbol: string;
  price: string;
  size: string;
  side: string;
  trade_id: string;
  source: string;
}

describe('market-data ingestion from the Pacifica simulator over WebSocket', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let harness: Harness | undefined;

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database.stop();
  });

  beforeEach(async () => {
    dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
  });

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  async function start(
    simOptions: PacificaSimOptions,
    streams: StreamPort = new MemoryStreamAdapter(),
    quietAfterMs = 10_000,
  ): Promise<Harness> {
    const sim = await startPacificaSim({ port: 0, ...simOptions });
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
    const ingestion = new MarketDataIngestion(
      feed,
      writer,
      ingestionCommandBus(writer),
      new StreamMarketPublisher(streams, 1_000),
      metrics,
      systemClock,
      { quietAfterMs, maxBooksInFlight: 1_000, listRetryMs: 50 },
    );
    const next: Harness['next'] = (event, match = () => true) =>
      new Promise((resolve) => {
        const off = ingestion.on(event, (payload) => {
          if (match(payload)) {
            off();
            resolve(payload);
          }
        });
      });
    const h: Harness = {
      sim,
      feed,
      writer,
      metrics,
      ingestion,
      next,
      async stop() {
        await ingestion.stop();
        await sim.stop();
      },
    };
    harness = h;
    await ingestion.start();
    return h;
  }

  /** Drives the simulator until `promise` settles (subscriptions take effect asynchronously). */
  async function tickUntil<T>(sim: PacificaSim, promise: Promise<T>): Promise<T> {
    let settled = false;
    void promise.finally(() => (settled = true));
    await until(() => {
      if (!settled) {
        sim.tick();
      }
      return settled;
    }, 'the awaited promise settled');
    return promise;
  }

  const ticks = (where = 'true'): Promise<TickRow[]> =>
    dataSource.query(
      `SELECT time, symbol, price::text, size::text, side, trade_id, source FROM ticks WHERE ${where} ORDER BY time, trade_id`,
    );

  function firstEntry(streams: StreamPort, stream: string): Promise<StreamEntry> {
    return new Promise((resolve, reject) => {
      let resolved = false;
      streams
        .consume({
          streams: [stream],
          group: `test-${stream}`,
          consumer: 'test',
          blockMs: 20,
          handler: (entry) => {
            if (!resolved) {
              resolved = true;
              resolve(entry);
            }
            return Promise.resolve();
          },
        })
        .then((consumer) => {
          consumers.push(consumer);
        }, reject);
    });
  }
  const consumers: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });

  it("stores every listed market's trades with the exchange's time, price, size and taker side", async () => {
    const simClock = new FixedClock(new Date('2026-03-01T00:00:00.000Z'));
    const { sim, writer, ingestion } = await start({ bookIntervalMs: 0, clock: simClock });
    const symbols = sim.exchange.markets.list().map((market) => market.spec.symbol);
    expect([...ingestion.symbols].sort()).toEqual([...symbols].sort());
    expect(symbols).toContain('kBONK');

    await until(async () => {
      simClock.advance(1_000);
      sim.tick();
      await writer.flush();
      const stored = await dataSource.query<{ symbol: string }[]>(
        `SELECT DISTINCT symbol FROM ticks`,
      );
      return stored.length === symbols.length;
    }, 'ticks of every market stored');

    const rest = new PacificaRestClient({ baseUrl: sim.url });
    for (const symbol of symbols) {
      const exchange = (await rest.getRecentTrades(symbol)).filter(
        (trade) => trade.eventType === 'fulfill_taker',
      );
      const stored = await ticks(`symbol = '${symbol}'`);
      expect(stored.length).toBeGreaterThan(0);
      for (const row of stored) {
        expect(row.source).toBe('pacifica');
        const match = exchange.filter(
          (trade) =>
            trade.createdAt === row.time.getTime() &&
            trade.price === row.price &&
            trade.amount === row.size &&
            (['open_long', 'close_short'].includes(trade.side) ? 'buy' : 'sell') === row.side,
        );
        expect(match.length).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['memory', false],
    ['Redis', true],
  ])(
    'publishes normalised books with notionals and trades to the %s streams',
    async (_name, redis) => {
      const server = redis ? await startRedisServer() : null;
      const connection = server ? new Redis(server.url) : null;
      const streams = connection
        ? new RedisStreamAdapter(connection, 1_000)
        : new MemoryStreamAdapter();
      try {
        const { sim } = await start({ bookIntervalMs: 0 }, streams);
        const book = firstEntry(streams, orderBookStream('kBONK'));
        const trade = firstEntry(streams, tradesStream('BTC'));
        const published = entryJson(await tickUntil(sim, book)) as {
          symbol: string;
          time: string;
          bids: { price: string; amount: string; orders: number; notionalUsd: string }[];
          asks: { price: string; notionalUsd: string }[];
        };
        expect(published.symbol).toBe('kBONK');
        expect(published.bids.length).toBeGreaterThan(0);
        const best = published.bids[0];
        expect(Number(best.notionalUsd)).toBeCloseTo(Number(best.price) * Number(best.amount), 9);
        expect(Number(published.bids[0].price)).toBeLessThan(Number(published.asks[0].price));

        expect(tradeV1Schema.safeParse((await tickUntil(sim, trade)).fields).success).toBe(true);
      } finally {
        await harness?.stop();
        harness = undefined;
        await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
        await streams.close();
        await connection?.quit();
        await server?.stop();
      }
    },
  );

  it('finds a book that goes quiet while the socket stays up, and its return', async () => {
    const { sim, metrics, next } = await start({ bookIntervalMs: 20 }, undefined, 300);
    const quiet = next('quiet');
    sim.pauseBook('ETH', true);
    expect(await quiet).toEqual({ symbol: 'ETH', silentMs: expect.any(Number) as number });
    expect(await metrics.total(metrics.quietBooks, { symbol: 'ETH' })).toBe(1);
    expect(await metrics.total(metrics.quietBooks, { symbol: 'BTC' })).toBe(0);

    const resumed = next('resumed');
    sim.pauseBook('ETH', false);
    expect(await resumed).toEqual({ symbol: 'ETH' });
    expect(await metrics.total(metrics.quietBooks, { symbol: 'ETH' })).toBe(0);
  });

  it('backfills the trades missed while reconnecting from the exchange history, flagged as backfill', async () => {
    const simClock = new FixedClock(new Date('2026-03-01T00:00:00.000Z'));
    const { sim, feed, writer, next } = await start({ bookIntervalMs: 0, clock: simClock });
    const advance = () => {
      simClock.advance(1_000);
      sim.tick();
    };
    await until(async () => {
      advance();
      await writer.flush();
      return (await ticks(`symbol = 'SOL'`)).length > 0;
    }, 'the first SOL tick stored');
    // Everything the simulator has traded so far is received and stored: the gap starts there.
    const lastTraded = Math.max(
      ...sim.exchange.markets.get('SOL').tape.map((trade) => trade.createdAt),
    );
    await until(async () => {
      await writer.flush();
      return (await ticks(`symbol = 'SOL'`)).at(-1)!.time.getTime() === lastTraded;
    }, 'the last traded SOL tick stored');
    const lastBefore = lastTraded;

    sim.dropWsConnections();
    advance();
    advance();
    const missed = sim.exchange.markets
      .get('SOL')
      .tape.filter((trade) => trade.createdAt > lastBefore)
      .map((trade) => trade.historyId);
    expect(missed.length).toBeGreaterThan(0);
    await until(() => feed.connection() >= 1, 'the feed connected');

    const gap = next('gap', (record) => record.symbol === 'SOL');
    let settled = false;
    void gap.finally(() => (settled = true));
    await until(() => {
      if (!settled) {
        advance();
      }
      return settled;
    }, 'the gap record settled');
    const record = await gap;
    await writer.flush();

    expect(record.reason).toBe('reconnect');
    expect(record.from.getTime()).toBe(lastBefore);
    expect(record.unfilled).toBeNull();
    const backfilled = await ticks(`symbol = 'SOL' AND source = 'backfill'`);
    expect(backfilled).toHaveLength(record.backfilledTrades);
    expect(backfilled.length).toBeGreaterThanOrEqual(missed.length);
    expect(backfilled.every((row) => row.time > record.from && row.time < record.to)).toBe(true);
    // No trade is stored twice: each exchange trade time/price/size appears once.
    const keys = (await ticks(`symbol = 'SOL' AND time <= '${record.to.toISOString()}'`)).map(
      (row) => `${row.time.getTime()}|${row.price}|${row.size}|${row.side}`,
    );
    const tape = sim.exchange.markets
      .get('SOL')
      .tape.filter((trade) => trade.createdAt <= record.to.getTime());
    expect(keys.length).toBeLessThanOrEqual(tape.length);
    expect(
      await dataSource.query(
        `SELECT symbol, reason, backfilled_trades, unfilled_from FROM market_data_gaps WHERE symbol = 'SOL'`,
      ),
    ).toEqual([
      {
        symbol: 'SOL',
        reason: 'reconnect',
        backfilled_trades: record.backfilledTrades,
        unfilled_from: null,
      },
    ]);
  });
});
