import { bar } from '../../domain/testing/candles';
import { InMemoryPerformanceRepository } from '../../testing/in-memory-performance.repository';
import { StrategyHarness } from '../../testing/strategy-harness';
import { ApplyOrderEventCommand } from './apply-order-event.command';
import { EvaluateCandleCommand } from './evaluate-candle.command';

const at = (time: string) => new Date(`2026-01-15T${time}:00Z`);
const fill = (id: string, side: 'bid' | 'ask', amount: string, price: string, time: string) => ({
  clientOrderId: id,
  sequence: 2,
  symbol: 'BTC',
  side,
  filledAmount: amount,
  averageFillPrice: price,
  feeUsd: '1',
  at: at(time),
});

describe('RecordPerformanceHandler (on evaluated candles and applied order events)', () => {
  let harness: StrategyHarness;
  let performance: InMemoryPerformanceRepository;
  const candle = (index: number, close: number) =>
    harness.commands.execute(new EvaluateCandleCommand(bar(index, close)));
  const order = (progress: ReturnType<typeof fill>) =>
    harness.commands.execute(new ApplyOrderEventCommand('mr_test', progress));

  beforeEach(async () => {
    performance = new InMemoryPerformanceRepository();
    harness = await StrategyHarness.create({ performance });
  });

  afterEach(() => harness.close());

  it('records equity at each candle end and fill, the closed trip, and the figures', async () => {
    await candle(0, 100); // 01:00 flat: 100000
    await order(fill('a', 'bid', '10', '100', '01:30')); // 100000 - fee 1 = 99999
    await candle(1, 104); // 02:00: 99999 + (104 - 100) x 10 = 100039
    await order(fill('b', 'ask', '10', '104', '02:30')); // 100000 + 40 - 2 = 100038

    expect(performance.points).toEqual([
      { strategyId: 'mr_test', at: at('01:00'), equityUsd: '100000', inPosition: false },
      { strategyId: 'mr_test', at: at('01:30'), equityUsd: '99999', inPosition: true },
      { strategyId: 'mr_test', at: at('02:00'), equityUsd: '100039', inPosition: true },
      { strategyId: 'mr_test', at: at('02:30'), equityUsd: '100038', inPosition: false },
    ]);
    expect(performance.trips).toMatchObject([
      { strategyId: 'mr_test', pnlUsd: '38', openedAt: at('01:30'), closedAt: at('02:30') },
    ]);
    expect(performance.figures.get('mr_test')).toEqual({
      strategyId: 'mr_test',
      asOf: at('02:30'),
      startingEquityUsd: '100000',
      equityUsd: '100038',
      realisedPnlUsd: '38',
      unrealisedPnlUsd: '0',
      totalPnlUsd: '38',
      tradeCount: 1,
      wins: 1,
      losses: 0,
      winRate: 1,
      // one UTC day of returns: not measurable
      sharpe: null,
      sortino: null,
      // 100000 -> 99999 (0.001 %) and 100039 -> 100038 (less in %)
      maxDrawdownUsd: '1',
      maxDrawdownPct: '0.001',
      // in a position 01:30 -> 02:30 of 01:00 -> 02:30
      exposure: 2 / 3,
    });
    const gauges: { labels: Record<string, unknown>; value: number }[] = [
      ...(await harness.metrics.equityUsd.get()).values,
      ...(await harness.metrics.pnlUsd.get()).values,
    ];
    expect(gauges.map(({ labels, value }) => [labels['kind'] ?? 'equity', value])).toEqual([
      ['equity', 100038],
      ['realised', 38],
      ['unrealised', 0],
      ['total', 38],
    ]);
    expect(gauges.every(({ labels }) => labels['strategy'] === 'mr_test')).toBe(true);
  });

  it('records nothing for a replayed candle or order event, or a candle of another timeframe', async () => {
    await candle(0, 100);
    await order(fill('a', 'bid', '10', '100', '01:30'));
    await order(fill('b', 'ask', '10', '104', '02:30'));
    const recorded = { points: [...performance.points], trips: [...performance.trips] };
    const figures = performance.figures.get('mr_test');

    await candle(0, 100);
    await order(fill('b', 'ask', '10', '104', '02:30'));
    await harness.commands.execute(
      new EvaluateCandleCommand(bar(40, 90, {}, 'BTC', '5m')), // ends at 03:20
    );

    expect({ points: performance.points, trips: performance.trips }).toEqual(recorded);
    expect(performance.figures.get('mr_test')).toBe(figures);
  });

  it('updates the newest point with the other symbols closing at that instant', async () => {
    await order({ ...fill('a', 'bid', '1', '2000', '00:30'), symbol: 'ETH' }); // 99999
    await candle(0, 100); // 01:00, ETH still at its entry: 99999
    await harness.commands.execute(new EvaluateCandleCommand(bar(0, 2100, {}, 'ETH'))); // + 100

    expect(performance.points).toMatchObject([
      { at: at('00:30'), equityUsd: '99999' },
      { at: at('01:00'), equityUsd: '99999' },
      { at: at('01:00'), equityUsd: '100099' },
    ]);
    expect(performance.figures.get('mr_test')).toMatchObject({
      equityUsd: '100099',
      unrealisedPnlUsd: '100',
    });
  });

  it('records no point for an order event that fills nothing', async () => {
    await order({ ...fill('a', 'bid', '0', '100', '01:30'), averageFillPrice: '0', feeUsd: '0' });

    expect(performance.points).toEqual([]);
  });
});
