import { DataSource } from 'typeorm';

import { systemClock } from '@nexwave/core';
import { FixedClock, until } from '@nexwave/core/testing';
import { createDataSource } from '@nexwave/database';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { TickWriter, type TickWriterOptions } from '../src/application/ingestion/tick-writer';
import { MarketDataMetrics } from '../src/application/market-data.metrics';
import { MARKET_DATA_ENTITIES } from '../src/infrastructure/persistence/market-data.entities';
import { TypeOrmTickStore } from '../src/infrastructure/persistence/typeorm-tick.store';
import { startTcpProxy, tick } from './ingest-support';

interface TickRow {
  time: Date;
  symbol: string;
  price: string;
  size: string;
  side: string;
  trade_id: string;
  source: string;
}

describe('TickWriter on the embedded TimescaleDB', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let metrics: MarketDataMetrics;
  let writer: TickWriter;

  const options = (overrides: Partial<TickWriterOptions> = {}): TickWriterOptions => ({
    buffer: { batchSize: 100, maxWaitMs: 20, capacity: 1_000 },
    retry: { baseDelayMs: 5, maxDelayMs: 40 },
    shutdownAttempts: 2,
    clock: systemClock,
    ...overrides,
  });

  const rows = (): Promise<TickRow[]> =>
    dataSource.query(
      `SELECT time, symbol, price::text, size::text, side, trade_id, source FROM ticks ORDER BY time, trade_id`,
    );

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database.stop();
  });

  beforeEach(async () => {
    dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    metrics = new MarketDataMetrics();
    writer = new TickWriter(new TypeOrmTickStore(dataSource), metrics, options());
  });

  afterEach(async () => {
    await writer.stop();
  });

  it("stores trades with the exchange's time, size, taker side and trade id", async () => {
    writer.accept([
      tick({
        tradeId: '11',
        time: new Date('2026-03-01T12:00:01.250Z'),
        symbol: 'kBONK',
        price: '0.0198',
        size: '150000',
        side: 'sell',
      }),
    ]);
    await writer.flush();
    expect(await rows()).toEqual([
      {
        time: new Date('2026-03-01T12:00:01.250Z'),
        symbol: 'kBONK',
        price: '0.0198',
        size: '150000',
        side: 'sell',
        trade_id: '11',
        source: 'pacifica',
      },
    ]);
    expect(await metrics.total(metrics.ticksIngested)).toBe(1);
  });

  it('stores the same trade once, whether repeated in a batch or across batches', async () => {
    const trade = tick({ tradeId: 'dup-1' });
    writer.accept([trade, { ...trade }]);
    await writer.flush();
    writer.accept([{ ...trade }]);
    await writer.flush();
    expect((await rows()).map((row) => row.trade_id)).toEqual(['dup-1']);
    expect(await metrics.total(metrics.ticksIngested)).toBe(1);
    expect(await metrics.total(metrics.ticksDuplicate)).toBe(2);
  });

  it('stores late, out-of-order trades at their own exchange time', async () => {
    writer.accept([
      tick({ tradeId: 'b', time: new Date('2026-03-01T12:05:00Z') }),
      tick({ tradeId: 'a', time: new Date('2026-03-01T11:59:59Z') }),
    ]);
    await writer.flush();
    writer.accept([tick({ tradeId: 'late', time: new Date('2026-03-01T12:01:30Z') })]);
    await writer.flush();
    expect((await rows()).map((row) => [row.trade_id, row.time.toISOString()])).toEqual([
      ['a', '2026-03-01T11:59:59.000Z'],
      ['late', '2026-03-01T12:01:30.000Z'],
      ['b', '2026-03-01T12:05:00.000Z'],
    ]);
  });

  it('dead-letters the rows the database refuses, with the reason, and stores the rest of the batch', async () => {
    const batch = Array.from({ length: 40 }, (_, i) => tick({ tradeId: `ok-${i}` }));
    batch[7] = tick({ tradeId: 'bad-price', price: 'abc' });
    batch[29] = tick({ tradeId: 'bad-\u0000-id' });
    writer.accept(batch);
    await writer.flush();

    expect(await rows()).toHaveLength(38);
    const letters: { trade_id: string; reason: string; payload: { price: string } }[] =
      await dataSource.query(
        `SELECT trade_id, reason, payload FROM ticks_dead_letter ORDER BY trade_id`,
      );
    expect(letters).toEqual([
      {
        trade_id: 'bad-\\0-id',
        reason: expect.stringContaining('22021') as string,
        payload: expect.objectContaining({ symbol: 'BTC' }) as object,
      },
      {
        trade_id: 'bad-price',
        reason: expect.stringContaining('invalid input syntax for type numeric') as string,
        payload: expect.objectContaining({ price: 'abc' }) as object,
      },
    ]);
    expect(
      await metrics.total(metrics.ticksDeadLettered, { stage: 'database', symbol: 'BTC' }),
    ).toBe(2);
    expect(await metrics.total(metrics.batches, { outcome: 'split' })).toBeGreaterThan(0);
    expect(writer.size).toBe(0);
  });

  it('keeps validation rejects in the dead-letter table, counted by subscribed market or other', async () => {
    metrics.watchMarkets(['ETH']);
    writer.deadLetter({
      symbol: 'NOT-A-MARKET',
      tradeId: '6',
      payload: { p: '1' },
      reason: 'symbol "NOT-A-MARKET" is not a market',
    });
    writer.deadLetter({
      symbol: 'ETH',
      tradeId: '5',
      payload: { p: 'NaN' },
      reason: 'price "NaN" is not a positive decimal',
    });
    await writer.flush();
    expect(
      await dataSource.query(
        `SELECT symbol, trade_id, reason FROM ticks_dead_letter ORDER BY trade_id`,
      ),
    ).toEqual([
      { symbol: 'ETH', trade_id: '5', reason: 'price "NaN" is not a positive decimal' },
      { symbol: 'NOT-A-MARKET', trade_id: '6', reason: 'symbol "NOT-A-MARKET" is not a market' },
    ]);
    const counted = (symbol: string) =>
      metrics.total(metrics.ticksDeadLettered, { stage: 'validation', symbol });
    expect([await counted('ETH'), await counted('other')]).toEqual([1, 1]);
  });

  it('while the database is down: retries, stays bounded, counts and records what it refuses, then recovers', async () => {
    const { port } = new URL(database.url);
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(port) });
    const viaProxy = createDataSource({
      url: database.url.replace(`:${port}`, `:${proxy.port}`),
      embedded: true,
      entities: MARKET_DATA_ENTITIES,
    });
    await viaProxy.initialize();
    const slowMetrics = new MarketDataMetrics();
    const clock = new FixedClock(new Date('2026-03-01T13:00:00Z'));
    const guarded = new TickWriter(
      new TypeOrmTickStore(viaProxy),
      slowMetrics,
      options({ buffer: { batchSize: 10, maxWaitMs: 0, capacity: 30 }, clock }),
    );
    try {
      proxy.cut();
      expect(guarded.accept(Array.from({ length: 25 }, () => tick({ symbol: 'SOL' })))).toBe(0);
      await until(
        async () => (await slowMetrics.total(slowMetrics.batches, { outcome: 'retried' })) >= 3,
        'three retried batches',
      );

      const refused = [
        tick({ symbol: 'SOL', time: new Date('2026-03-01T12:10:00Z') }),
        tick({ symbol: 'SOL', time: new Date('2026-03-01T12:11:00Z') }),
      ];
      const overflow = [...Array.from({ length: 5 }, () => tick({ symbol: 'SOL' })), ...refused];
      expect(guarded.accept(overflow)).toBe(2);
      expect(guarded.size).toBe(30);
      expect(await slowMetrics.total(slowMetrics.ticksRefused, { reason: 'buffer_full' })).toBe(2);

      proxy.resume();
      await guarded.flush();
      expect(guarded.accept([tick({ symbol: 'SOL' })])).toBe(0);
      await guarded.flush();

      expect(
        await dataSource.query(`SELECT count(*)::int AS n FROM ticks WHERE symbol = 'SOL'`),
      ).toEqual([{ n: 31 }]);
      expect(
        await dataSource.query(
          `SELECT symbol, reason, from_time, to_time, unfilled_from, unfilled_to FROM market_data_gaps`,
        ),
      ).toEqual([
        {
          symbol: 'SOL',
          reason: 'buffer_full',
          from_time: new Date('2026-03-01T12:10:00Z'),
          to_time: new Date('2026-03-01T12:11:00Z'),
          unfilled_from: new Date('2026-03-01T12:10:00Z'),
          unfilled_to: new Date('2026-03-01T12:11:00Z'),
        },
      ]);
    } finally {
      await guarded.stop();
      await viaProxy.destroy();
      await proxy.close();
    }
  });

  it('counts what is still unwritten when it stops while the database is down', async () => {
    const { port } = new URL(database.url);
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(port) });
    const viaProxy = createDataSource({
      url: database.url.replace(`:${port}`, `:${proxy.port}`),
      embedded: true,
      entities: MARKET_DATA_ENTITIES,
    });
    await viaProxy.initialize();
    const stopMetrics = new MarketDataMetrics();
    const stopping = new TickWriter(new TypeOrmTickStore(viaProxy), stopMetrics, options());
    try {
      proxy.cut();
      stopping.accept(Array.from({ length: 7 }, () => tick()));
      await stopping.stop();
      expect(await stopMetrics.total(stopMetrics.ticksRefused, { reason: 'shutdown' })).toBe(7);
      expect(stopping.size).toBe(0);
      expect(stopping.accept([tick()])).toBe(1);
    } finally {
      await viaProxy.destroy();
      await proxy.close();
    }
  });
});
