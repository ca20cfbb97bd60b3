import { bar, bars } from '../../domain/testing/candles';
import { StrategyHarness } from '../../testing/strategy-harness';
import { ApplyOrderEventCommand } from './apply-order-event.command';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { RestoreStrategyBookCommand } from './restore-strategy-book.command';

describe('RestoreStrategyBookHandler', () => {
  let harness: StrategyHarness;

  afterEach(() => harness.close());

  it('rebuilds after a restart the positions its orders built, stale events left out', async () => {
    harness = await StrategyHarness.create({ parameters: { lookback: 10 } });
    for (const candle of [...bars([100, 101, 100, 101, 100, 101, 100, 101, 100]), bar(9, 80)]) {
      await harness.commands.execute(new EvaluateCandleCommand(candle));
    }
    const [entry] = harness.signals.requests;
    const state = (sequence: number, filledAmount: string) => ({
      clientOrderId: entry.clientOrderId,
      sequence,
      symbol: 'BTC',
      side: 'bid' as const,
      filledAmount,
      averageFillPrice: '80',
      feeUsd: '2',
      at: new Date('2026-01-01T10:00:00Z'),
    });
    await harness.commands.execute(new ApplyOrderEventCommand('mr_test', state(3, '125')));
    await harness.commands.execute(new ApplyOrderEventCommand('mr_test', state(2, '60')));
    const before = harness.runtime.book.context();
    const { signals } = harness;
    await harness.close();

    harness = await StrategyHarness.create({ parameters: { lookback: 10 }, signals });
    expect(await harness.commands.execute(new RestoreStrategyBookCommand())).toBe(1);

    expect(harness.runtime.book.positions()).toEqual([
      { symbol: 'BTC', size: '125', entryPrice: '80' },
    ]);
    expect(harness.runtime.book.context()).toEqual(before);
  });
});
