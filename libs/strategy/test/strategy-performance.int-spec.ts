import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import {
  ApplyOrderEventCommand,
  EvaluateCandleCommand,
  GetStrategyPerformanceQuery,
  GetStrategyTradesQuery,
  StrategyReadModule,
  type StrategyPerformanceView,
} from '@nexwave/strategy';
import {
  InMemorySignalRepository,
  STRATEGY_ENTITIES,
  StrategyHarness,
} from '@nexwave/strategy/testing';

import { RestoreStrategyBookCommand } from '../src/application/commands/restore-strategy-book.command';
import { bar, T0 } from '../src/domain/testing/candles';
import { TypeOrmPerformanceRepository } from '../src/infrastructure/persistence/typeorm-performance.repository';
import { dataSourceModule } from './support/engine-app';

const HOUR_MS = 3_600_000;
const orderId = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** One candle (index in hours from T0, close) or one order's fill (order, side, amount, price, hour). */
type Step =
  | { readonly candle: [number, number] }
  | { readonly fill: [number, 'bid' | 'ask', string, string, number] };

// Over five UTC days: a winning long (10 x (102 - 100) - 2 = 18), then a losing one
// (5 x (99 - 102) - 2 = -17); equity ends at 100000 + 18 - 17 = 100001. Each fill is reported
// after the candle that closed after it (late): a replayed candle must not rewrite its point.
const BEFORE_RESTART: Step[] = [
  { candle: [0, 100] },
  { fill: [1, 'bid', '10', '100', 1.5] },
  { candle: [24, 102] },
  { fill: [2, 'ask', '10', '102', 24.5] },
  { candle: [48, 102] },
  { fill: [3, 'bid', '5', '102', 48.5] },
];
const AFTER_RESTART: Step[] = [
  { candle: [72, 99] },
  { fill: [4, 'ask', '5', '99', 72.5] },
  { candle: [96, 99] },
];

// The engine's performance recording over the real tables, read back through the query side
// alone (a module with only a DataSource): a run restarted while in a position ends with the same
// figures, trades and rows as one that ran straight through.
describe('strategy performance storage and queries', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let queries: TestingModule;

  beforeAll(async () => {
    database = await startTestDatabase();
    dataSource = await database.freshDataSource({ entities: STRATEGY_ENTITIES });

    queries = await Test.createTestingModule({
      imports: [CqrsModule.forRoot(), dataSourceModule(dataSource), StrategyReadModule],
    }).compile();
    await queries.init();
  });

  afterAll(async () => {
    await queries?.close();
    await database?.stop();
  });

  function start(strategyId: string, signals: InMemorySignalRepository): Promise<StrategyHarness> {
    return StrategyHarness.create({
      strategyId,
      signals,
      performance: new TypeOrmPerformanceRepository(dataSource),
    });
  }

  async function run(harness: StrategyHarness, steps: readonly Step[]): Promise<void> {
    const { strategyId } = harness.runtime;
    for (const step of steps) {
      if ('candle' in step) {
        await harness.commands.execute(new EvaluateCandleCommand(bar(...step.candle)));
        continue;
      }
      const [n, side, amount, price, hour] = step.fill;
      await sent(harness.signals, strategyId, orderId(n), side);
      const progress = {
        clientOrderId: orderId(n),
        sequence: 2,
        symbol: 'BTC',
        side,
        filledAmount: amount,
        averageFillPrice: price,
        feeUsd: '1',
        at: new Date(T0.getTime() + hour * HOUR_MS),
      };
      await harness.commands.execute(new ApplyOrderEventCommand(strategyId, progress));
    }
  }

  const performance = (strategyId: string) =>
    queries.get(QueryBus).execute(new GetStrategyPerformanceQuery(strategyId));
  const rows = async (table: string, strategyId: string) => {
    const [row] = await dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${table} WHERE strategy_id = $1`,
      [strategyId],
    );
    return row.count;
  };

  it('keeps the same figures, trades and rows over a restart, a replay adding nothing', async () => {
    const straight = await start('mr_straight', new InMemorySignalRepository());
    await run(straight, [...BEFORE_RESTART, ...AFTER_RESTART]);
    await straight.close();

    const signals = new InMemorySignalRepository();
    const first = await start('mr_restarted', signals);
    await run(first, BEFORE_RESTART);
    await first.close();
    const second = await start('mr_restarted', signals);
    await second.commands.execute(new RestoreStrategyBookCommand());
    // The last candle and fill before the restart, delivered again.
    await run(second, [BEFORE_RESTART[4], BEFORE_RESTART[5], ...AFTER_RESTART]);
    await second.close();

    const expected = await performance('mr_straight');
    expect(expected).toMatchObject({
      asOf: new Date(T0.getTime() + 97 * HOUR_MS),
      startingEquityUsd: '100000',
      equityUsd: '100001',
      realisedPnlUsd: '1',
      unrealisedPnlUsd: '0',
      totalPnlUsd: '1',
      tradeCount: 2,
      wins: 1,
      losses: 1,
      winRate: 0.5,
    });
    expect(expected?.sharpe).toEqual(expect.any(Number));
    expect(expected?.sortino).toEqual(expect.any(Number));
    expect(await performance('mr_restarted')).toEqual<StrategyPerformanceView>({
      ...expected!,
      strategyId: 'mr_restarted',
    });
    const trades = (strategyId: string, limit: number) =>
      queries.get(QueryBus).execute(new GetStrategyTradesQuery(strategyId, limit));
    expect(await trades('mr_straight', 10)).toMatchObject([
      { pnlUsd: '-17', side: 'long', quantity: '5', entryPrice: '102', exitPrice: '99' },
      { pnlUsd: '18', feesUsd: '2', openedAt: new Date(T0.getTime() + 1.5 * HOUR_MS) },
    ]);
    expect(await trades('mr_restarted', 10)).toEqual(
      (await trades('mr_straight', 10)).map((trade) => ({ ...trade, strategyId: 'mr_restarted' })),
    );
    expect(await trades('mr_restarted', 1)).toMatchObject([{ pnlUsd: '-17' }]);
    // 5 candle ends + 4 fills; 2 trips.
    expect(await rows('strategy_equity_points', 'mr_restarted')).toBe(9);
    expect(await rows('strategy_trades', 'mr_restarted')).toBe(2);
  });

  it('keeps one row per instant, the newest updated by the other symbols closing then', async () => {
    const harness = await start('mr_symbols', new InMemorySignalRepository());
    await run(harness, [{ fill: [5, 'bid', '1', '100', 0.5] }]);
    await harness.commands.execute(new EvaluateCandleCommand(bar(0, 2000, {}, 'ETH')));
    await run(harness, [{ candle: [0, 110] }]);
    await harness.close();

    const points = await dataSource.query<{ equity: string }[]>(
      `SELECT equity_usd::text AS equity FROM strategy_equity_points
        WHERE strategy_id = 'mr_symbols' ORDER BY at`,
    );
    // The BTC long (fee 1) marked at its entry, then at 110 when its candle closes after ETH's.
    expect(points).toEqual([{ equity: '99999' }, { equity: '100009' }]);
  });

  it('answers null and no trades for a strategy with no performance', async () => {
    await expect(performance('nobody')).resolves.toBeNull();
    await expect(
      queries.get(QueryBus).execute(new GetStrategyTradesQuery('nobody', 10)),
    ).resolves.toEqual([]);
  });
});

/** Stores a sent signal for the order, as the engine does before its events arrive. */
async function sent(
  signals: InMemorySignalRepository,
  strategyId: string,
  clientOrderId: string,
  side: 'bid' | 'ask',
): Promise<void> {
  await signals.record(
    {
      clientOrderId,
      strategyId,
      signal: {
        symbol: 'BTC',
        side,
        intent: side === 'bid' ? 'entry' : 'exit',
        size: '1',
        price: '100',
        stopLoss: null,
        takeProfit: null,
        reason: 'test',
        indicators: {},
        bucketStart: T0,
      },
      amount: '1',
      risk: { approved: true, rule: null, reason: 'all rules passed' },
      status: 'sent',
      createdAt: T0,
    },
    null,
  );
}
