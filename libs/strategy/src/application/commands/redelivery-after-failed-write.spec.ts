import type { StrategyPerformanceView } from '../../application/queries/performance-read-model.port';
import type { LedgerEntries } from '../../domain/engine/performance-ledger';
import type { OrderProgress } from '../../domain/engine/strategy-book';
import { bar, bars } from '../../domain/testing/candles';
import { InMemoryPerformanceRepository } from '../../testing/in-memory-performance.repository';
import { InMemorySignalRepository } from '../../testing/in-memory-signal.repository';
import { StrategyHarness } from '../../testing/strategy-harness';
import { ApplyOrderEventCommand } from './apply-order-event.command';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { RestoreStrategyBookCommand } from './restore-strategy-book.command';

const CALM = bars([100, 101, 100, 101, 100, 101, 100, 101, 100]);
const PARAMETERS = { lookback: 10 };

class DatabaseDown extends Error {}

/** Signals whose next progress write fails once `failNext` is set. */
class FlakySignalRepository extends InMemorySignalRepository {
  failNext = false;

  override saveProgress(progress: OrderProgress): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new DatabaseDown('progress write failed'));
    }
    return super.saveProgress(progress);
  }
}

/** Performance whose next record fails once `failNext` is set. */
class FlakyPerformanceRepository extends InMemoryPerformanceRepository {
  failNext = false;

  override record(
    strategyId: string,
    added: LedgerEntries,
    figures: StrategyPerformanceView,
  ): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new DatabaseDown('performance write failed'));
    }
    return super.record(strategyId, added, figures);
  }
}

// An order event or candle whose write throws is redelivered by its consumer: the redelivery
// must end where a first successful delivery would have, in memory and in storage.
describe('a failed write, then the redelivery', () => {
  let harness: StrategyHarness;
  let signals: FlakySignalRepository;
  let performance: FlakyPerformanceRepository;
  const apply = (order: OrderProgress) =>
    harness.commands.execute(new ApplyOrderEventCommand('mr_test', order));
  const candle = (...args: Parameters<typeof bar>) =>
    harness.commands.execute(new EvaluateCandleCommand(bar(...args)));

  /** Fills the entry at 80 (below the band) and sends the exit (the -3 % stop at 77.6). */
  async function enterAndSendExit(): Promise<{ exit: OrderProgress }> {
    for (const one of [...CALM, bar(9, 80)]) {
      await harness.commands.execute(new EvaluateCandleCommand(one));
    }
    const [entry] = harness.signals.requests;
    await apply(filled(entry.clientOrderId, 'bid', '80', 9.5));
    await candle(10, 79, { low: 77 });
    const exit = harness.signals.requests[1];
    expect(exit).toMatchObject({ side: 'ask', reduceOnly: true, amount: '125.00' });
    // 125 x (77.6 - 80) - 2 - 2 = -304
    return { exit: filled(exit.clientOrderId, 'ask', '77.6', 10.5) };
  }

  beforeEach(async () => {
    signals = new FlakySignalRepository();
    performance = new FlakyPerformanceRepository();
    harness = await StrategyHarness.create({ parameters: PARAMETERS, signals, performance });
  });

  afterEach(() => harness.close());

  async function expectClosedOnce(exit: OrderProgress): Promise<void> {
    const { book } = harness.runtime;
    expect(book.positions()).toEqual([]);
    expect(book.equityUsd().toFixed()).toBe('99696');
    expect(await signals.progressOf('mr_test')).toContainEqual(exit);
    expect(performance.trips).toMatchObject([
      { pnlUsd: '-304', closingOrderId: exit.clientOrderId },
    ]);
    expect(performance.figures.get('mr_test')).toMatchObject({
      equityUsd: '99696',
      realisedPnlUsd: '-304',
      tradeCount: 1,
      losses: 1,
    });
    // and a restart rebuilds the same book from what was stored
    await harness.close();
    harness = await StrategyHarness.create({ parameters: PARAMETERS, signals, performance });
    await harness.commands.execute(new RestoreStrategyBookCommand());
    expect(harness.runtime.book.positions()).toEqual([]);
    expect(harness.runtime.book.equityUsd().toFixed()).toBe('99696');
  }

  it('an order event whose progress write failed is applied when redelivered', async () => {
    const { exit } = await enterAndSendExit();

    signals.failNext = true;
    await expect(apply(exit)).rejects.toThrow('progress write failed');
    expect(harness.runtime.book.positions()).toEqual([
      { symbol: 'BTC', size: '125', entryPrice: '80' },
    ]);
    expect(performance.trips).toEqual([]);

    expect(await apply(exit)).toBe(true);
    await expectClosedOnce(exit);
  });

  it('an order event whose performance write failed is applied when redelivered', async () => {
    const { exit } = await enterAndSendExit();

    performance.failNext = true;
    await expect(apply(exit)).rejects.toThrow('performance write failed');
    expect(harness.runtime.book.positions()).toHaveLength(1);

    expect(await apply(exit)).toBe(true);
    expect(await apply(exit)).toBe(false);
    await expectClosedOnce(exit);
  });

  it('a candle whose performance write failed records its equity point when redelivered', async () => {
    await candle(0, 100);
    performance.failNext = true;
    await expect(candle(1, 101)).rejects.toThrow('performance write failed');
    expect(performance.points).toHaveLength(1);

    await candle(1, 101);
    await candle(1, 101);
    expect(performance.points.map((point) => point.at)).toEqual([
      new Date('2026-01-15T01:00:00Z'),
      new Date('2026-01-15T02:00:00Z'),
    ]);
    expect(performance.figures.get('mr_test')?.asOf).toEqual(new Date('2026-01-15T02:00:00Z'));
  });
});

function filled(
  clientOrderId: string,
  side: 'bid' | 'ask',
  price: string,
  hour: number,
): OrderProgress {
  return {
    clientOrderId,
    sequence: 2,
    symbol: 'BTC',
    side,
    filledAmount: '125',
    averageFillPrice: price,
    feeUsd: '2',
    at: new Date(Date.UTC(2026, 0, 15, 0, hour * 60)),
  };
}
