import type { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import type { BacktestRequest } from '../src/domain/backtest-request';
import { BACKTESTING_ENTITIES } from '../src/infrastructure/persistence/backtest-run.entity';
import { TypeOrmBacktestRunRepository } from '../src/infrastructure/persistence/typeorm-backtest-run.repository';

const T0 = new Date('2026-01-15T00:00:00Z');
const T1 = new Date('2026-01-15T01:00:00Z');
const REQUEST: BacktestRequest = {
  strategy: 'mean_reversion',
  parameters: { lookback: 10, timeframe: '1h' },
  symbols: ['BTC', 'ETH'],
  timeframe: '1h',
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-01-10T00:00:00Z'),
};
const SUMMARY = {
  trades: 1,
  pnl: '12.5',
  returnPct: 0.0125,
  sharpe: null,
  sortino: null,
  maxDrawdown: 3,
  maxDrawdownPct: 0.003,
  winRate: 1,
  profitFactor: null,
  exposure: 0.25,
  fees: '0.4',
  startEquity: '100000',
  endEquity: '100012.5',
  candles: 432,
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-10T00:00:00.000Z',
};

describe('backtest_runs (TypeOrmBacktestRunRepository)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runs: TypeOrmBacktestRunRepository;

  beforeAll(async () => {
    database = await startTestDatabase();
    dataSource = await database.freshDataSource({ entities: BACKTESTING_ENTITIES });
    runs = new TypeOrmBacktestRunRepository(dataSource);
  });

  afterAll(() => database?.stop());

  it('the entity matches the migrated table: synchronizing would change nothing', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });

  it('stores a run running, its progress, then its outcome', async () => {
    const created = await runs.create(REQUEST, T0);
    expect(created).toMatchObject({ ...REQUEST, status: 'running', candlesDone: 0, summary: null });
    await runs.progress(created.id, 200, 432);
    expect(await runs.get(created.id)).toMatchObject({ candlesDone: 200, candlesTotal: 432 });
    const equityCurve = [{ time: T0.getTime(), equityUsd: 100000, inPosition: false }];
    await runs.finish(
      created.id,
      { status: 'succeeded', summary: SUMMARY, trades: [], equityCurve },
      T1,
    );
    expect(await runs.get(created.id)).toMatchObject({
      status: 'succeeded',
      summary: SUMMARY,
      trades: [],
      equityCurve,
      error: null,
      finishedAt: T1,
    });
  });

  it('stores a failure with its error, and lists runs newest first, paged', async () => {
    const failed = await runs.create(REQUEST, T1);
    await runs.finish(failed.id, { status: 'failed', error: 'no candles' }, T1);
    expect(await runs.get(failed.id)).toMatchObject({ status: 'failed', error: 'no candles' });
    const page = await runs.list(0, 1);
    expect(page.total).toBe(2);
    expect(page.items.map((run) => run.id)).toEqual([failed.id]);
    expect((await runs.list(1, 10)).items).toHaveLength(1);
  });

  it('a status outside running, succeeded, failed is refused by the table', async () => {
    const run = await runs.create(REQUEST, T0);
    await expect(
      dataSource.query(`UPDATE backtest_runs SET status = 'paused' WHERE id = $1`, [run.id]),
    ).rejects.toThrow(/backtest_runs_status_check/);
  });
});
