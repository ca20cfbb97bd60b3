import type { DataSource } from 'typeorm';

import { MIGRATIONS } from '@nexwave/database';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { TIMEFRAMES } from '../src/domain/timeframe';
import { CandleRefresher } from '../src/infrastructure/persistence/candle-refresher';
import { TypeOrmCandleReadModel } from '../src/infrastructure/persistence/candles.read-model';
import {
  assertCandlesMatch,
  expectedCandles,
  insertTrades,
  shuffled,
  syntheticTrades,
  type TestTrade,
} from './candles-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
});

afterAll(async () => {
  await database.stop();
});

/** Every timeframe of every symbol, read through the real read model, equals the computed candles. */
async function expectAllCandles(
  dataSource: DataSource,
  trades: readonly TestTrade[],
  symbols: readonly string[],
): Promise<void> {
  const readModel = new TypeOrmCandleReadModel(dataSource);
  for (const symbol of symbols) {
    for (const timeframe of TIMEFRAMES) {
      const candles = await readModel.candles({ symbol, timeframe, limit: 5_000 });
      assertCandlesMatch(
        candles,
        expectedCandles(trades, symbol, timeframe),
        `${symbol} ${timeframe}`,
      );
    }
  }
}

describe('candle aggregates (1m from ticks, 5m..1d each from the level below)', () => {
  const start = new Date('2025-03-01T21:17:00Z');
  const end = new Date(start.getTime() + 50 * HOUR);
  const now = new Date(end.getTime() + 10 * MINUTE);
  const trades = [
    ...syntheticTrades({
      symbol: 'BTC',
      start,
      durationMs: 50 * HOUR,
      basePrice: '97123.45',
      priceDecimals: 2,
      seed: 1,
    }),
    ...syntheticTrades({
      symbol: 'kBONK',
      start,
      durationMs: 50 * HOUR,
      basePrice: '0.0231',
      priceDecimals: 7,
      seed: 2,
    }),
  ];
  // Late trades: every third one of the last two hours arrives after the first refresh.
  const late = trades.filter(
    (trade, index) => trade.time.getTime() >= now.getTime() - 2 * HOUR && index % 3 === 0,
  );
  const onTime = trades.filter((trade) => !late.includes(trade));
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await database.freshDataSource();
    await insertTrades(dataSource, shuffled(onTime, 3));
  });

  it('answers from raw ticks alone before any refresh (real-time aggregation)', async () => {
    await expect(expectAllCandles(dataSource, onTime, ['BTC', 'kBONK'])).resolves.toBeUndefined();
  });

  it('gives OHLCV, volume, trade count and VWAP equal to values computed from the trades', async () => {
    expect(await new CandleRefresher(dataSource).refresh(now)).toBe(true);
    await expectAllCandles(dataSource, onTime, ['BTC', 'kBONK']);
  });

  it('puts late, out-of-order trades into the right buckets at the next refresh', async () => {
    const refresher = new CandleRefresher(dataSource);
    expect(await refresher.refresh(now)).toBe(true);
    await insertTrades(dataSource, shuffled(late, 4));
    expect(await refresher.refresh(now)).toBe(true);
    await expectAllCandles(dataSource, trades, ['BTC', 'kBONK']);
  });
});

describe('candles around a refresh', () => {
  const bucket = new Date('2025-03-10T10:00:00Z').getTime();
  const at = (seconds: number, price: string, size = '1'): TestTrade => ({
    time: new Date(bucket + seconds * 1_000),
    symbol: 'ETH',
    price,
    size,
  });
  let dataSource: DataSource;
  let refresher: CandleRefresher;

  beforeAll(async () => {
    dataSource = await database.freshDataSource();
    refresher = new CandleRefresher(dataSource);
  });

  it('keeps a 5m candle right when its trades straddle a refresh, and shows a new trade at once', async () => {
    const before = [at(10, '3000.10', '2.5'), at(70, '3010.25', '0.75')];
    await insertTrades(dataSource, before);
    expect(await refresher.refresh(new Date(bucket + 150_000))).toBe(true);
    const after = [at(200, '2990.5', '1.125'), at(280, '3005', '4')];
    await insertTrades(dataSource, after);
    await expectAllCandles(dataSource, [...before, ...after], ['ETH']);

    expect(await refresher.refresh(new Date(bucket + 400_000))).toBe(true);
    await expectAllCandles(dataSource, [...before, ...after], ['ETH']);

    // Inserted after the last refresh: the 1m and 1h candles include it without another refresh.
    const newest = at(410, '3100.01', '0.5');
    await insertTrades(dataSource, [newest]);
    await expectAllCandles(dataSource, [...before, ...after, newest], ['ETH']);
    const readModel = new TypeOrmCandleReadModel(dataSource);
    const [hour] = await readModel.candles({ symbol: 'ETH', timeframe: '1h', limit: 1 });
    expect(hour).toMatchObject({ high: '3100.01', close: '3100.01', tradeCount: 5 });
  });
});

describe('a failed refresh', () => {
  it('stops at the failing level, and the next run catches up', async () => {
    const dataSource = await database.freshDataSource();
    const start = new Date('2025-04-01T00:00:00Z');
    const trades = syntheticTrades({
      symbol: 'SOL',
      start,
      durationMs: 6 * HOUR,
      basePrice: '180.5',
      priceDecimals: 3,
      seed: 5,
    });
    await insertTrades(dataSource, trades);
    const refresher = new CandleRefresher(dataSource);
    const now = new Date(start.getTime() + 7 * HOUR);

    await dataSource.query(`ALTER MATERIALIZED VIEW candles_15m RENAME TO candles_15m_away`);
    expect(await refresher.refresh(now)).toBe(false);
    await dataSource.query(`ALTER MATERIALIZED VIEW candles_15m_away RENAME TO candles_15m`);

    expect(await refresher.refresh(now)).toBe(true);
    await expectAllCandles(dataSource, trades, ['SOL']);
  });
});

describe('the candles migration', () => {
  it('can be re-run, and registers one refresh policy per level and compression on all', async () => {
    const dataSource = await database.freshDataSource();
    const Migration = MIGRATIONS.find(
      (migration) => migration.name === 'CreateCandles1795600009000',
    )!;
    const queryRunner = dataSource.createQueryRunner();
    try {
      await new Migration().up(queryRunner);
    } finally {
      await queryRunner.release();
    }
    const jobs: { proc_name: string; hypertable_name: string }[] = await dataSource.query(
      `SELECT proc_name, hypertable_name FROM timescaledb_information.jobs
       WHERE hypertable_schema = current_schema() ORDER BY proc_name, hypertable_name`,
    );
    const levels = [
      'candles_15m',
      'candles_1d',
      'candles_1h',
      'candles_1m',
      'candles_4h',
      'candles_5m',
    ];
    expect(jobs).toEqual([
      // order_book_snapshots: its own migration, compressed like ticks.
      ...[...levels, 'order_book_snapshots', 'ticks'].map((name) => ({
        proc_name: 'policy_compression',
        hypertable_name: name,
      })),
      ...levels.map((name) => ({
        proc_name: 'policy_refresh_continuous_aggregate',
        hypertable_name: name,
      })),
    ]);
  });
});
