import type { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import type { Candle } from '../src/application/queries/candle-read-model.port';
import type { CandleRequest } from '../src/domain/candle-request';
import { ClosedCandleCache } from '../src/domain/closed-candle-cache';
import { CachedCandleReadModel } from '../src/infrastructure/persistence/cached-candles.read-model';
import { CandleRefresher } from '../src/infrastructure/persistence/candle-refresher';
import { TypeOrmCandleReadModel } from '../src/infrastructure/persistence/candles.read-model';
import { insertTrades, syntheticTrades } from './candles-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date('2026-03-02T00:00:00Z');
const now = new Date(start.getTime() + 10 * HOUR);
const at = (offsetMs: number): Date => new Date(now.getTime() + offsetMs);

/** The real read model, counting the candle queries it sends to the database. */
class CountingReadModel extends TypeOrmCandleReadModel {
  queries = 0;

  override candles(request: CandleRequest): Promise<Candle[]> {
    this.queries += 1;
    return super.candles(request);
  }
}

let database: TestDatabase;
let dataSource: DataSource;
let database1m: CountingReadModel;
let cached: CachedCandleReadModel;

beforeAll(async () => {
  database = await startTestDatabase();
  dataSource = await database.freshDataSource();
  await insertTrades(
    dataSource,
    syntheticTrades({
      symbol: 'BTC',
      start,
      durationMs: 9 * HOUR + 50 * MINUTE,
      basePrice: '97000.5',
      priceDecimals: 1,
      seed: 7,
    }),
  );
  await new CandleRefresher(dataSource).refresh(now);
  database1m = new CountingReadModel(dataSource);
  cached = new CachedCandleReadModel(database1m, new ClosedCandleCache(100_000), {
    now: () => now,
  });
});

afterAll(async () => {
  await database.stop();
});

describe('settled candles from the cache, newer ones live', () => {
  it('serves a second read of a settled range without querying the database', async () => {
    const request: CandleRequest = {
      symbol: 'BTC',
      timeframe: '1m',
      from: start,
      to: new Date(start.getTime() + 5 * HOUR),
      limit: 500,
    };
    const first = await cached.candles(request);
    const queries = database1m.queries;
    const second = await cached.candles(request);

    expect(database1m.queries).toBe(queries);
    expect(second).toEqual(first);
    expect(first).toEqual(await new TypeOrmCandleReadModel(dataSource).candles(request));
    expect(first.length).toBeGreaterThan(20);
  });

  it('answers a range across the settled cutoff as the database does, reading only the new part again', async () => {
    // The 1m cutoff is now - 3 h: about 35 candles after it, the rest before.
    const request: CandleRequest = { symbol: 'BTC', timeframe: '1m', limit: 120 };
    const first = await cached.candles(request);
    const queries = database1m.queries;
    const second = await cached.candles(request);

    expect(database1m.queries).toBe(queries + 1);
    expect(second).toEqual(first);
    expect(first).toEqual(await new TypeOrmCandleReadModel(dataSource).candles(request));
    expect(first.at(-1)!.time < at(-3 * HOUR).toISOString()).toBe(true);
  });

  it('reads the forming candle live: a new trade into it shows at the next read', async () => {
    const request: CandleRequest = { symbol: 'BTC', timeframe: '1m', limit: 50 };
    await insertTrades(dataSource, [
      { time: at(-30_000), symbol: 'BTC', price: '97001.5', size: '1.000' },
    ]);
    const [before] = await cached.candles(request);
    await insertTrades(dataSource, [
      { time: at(-20_000), symbol: 'BTC', price: '99999.5', size: '2.000' },
    ]);
    const [after] = await cached.candles(request);

    expect(before).toMatchObject({ time: at(-MINUTE).toISOString(), close: '97001.5' });
    expect(after).toMatchObject({
      time: at(-MINUTE).toISOString(),
      high: '99999.5',
      close: '99999.5',
      tradeCount: 2,
    });
  });

  it('shows a late trade into an already refreshed, closed bucket once the aggregate is refreshed again', async () => {
    const bucket = at(-HOUR);
    const request: CandleRequest = {
      symbol: 'BTC',
      timeframe: '1m',
      from: new Date(bucket.getTime() - 10 * MINUTE),
      to: at(-30 * MINUTE),
      limit: 500,
    };
    const before = await cached.candles(request);
    await insertTrades(dataSource, [
      { time: new Date(bucket.getTime() + 5_000), symbol: 'BTC', price: '12345.5', size: '3.000' },
    ]);
    await new CandleRefresher(dataSource).refresh(now);
    const after = await cached.candles(request);

    const candleAt = (candles: Candle[]): Candle | undefined =>
      candles.find((candle) => candle.time === bucket.toISOString());
    expect(candleAt(before)?.low).not.toBe('12345.5');
    expect(candleAt(after)).toMatchObject({
      low: '12345.5',
      tradeCount: (candleAt(before)?.tradeCount ?? 0) + 1,
    });
  });
});
