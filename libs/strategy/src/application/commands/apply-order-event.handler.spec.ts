import { bar, bars } from '../../domain/testing/candles';
import { StrategyHarness } from '../../testing/strategy-harness';
import { ApplyOrderEventCommand } from './apply-order-event.command';
import { EvaluateCandleCommand } from './evaluate-candle.command';

const filled = (clientOrderId: string, side: 'bid' | 'ask', amount: string, price: string) => ({
  clientOrderId,
  sequence: 2,
  symbol: 'BTC',
  side,
  filledAmount: amount,
  averageFillPrice: price,
  feeUsd: '1',
  at: new Date('2026-01-01T10:00:00Z'),
});

describe('ApplyOrderEventHandler', () => {
  let harness: StrategyHarness;

  beforeEach(async () => {
    harness = await StrategyHarness.create({ parameters: { lookback: 10 } });
  });

  afterEach(() => harness.close());

  it('moves the position and equity by the fills of its own orders only', async () => {
    const apply = (strategyId: string, order: ReturnType<typeof filled>) =>
      harness.commands.execute(new ApplyOrderEventCommand(strategyId, order));

    expect(await apply('mr_test', filled('a', 'bid', '10', '100'))).toBe(true);
    expect(await apply('someone_else', filled('b', 'bid', '5', '100'))).toBe(false);
    await harness.commands.execute(new EvaluateCandleCommand(bar(0, 110)));

    const { book } = harness.runtime;
    expect(book.positions()).toEqual([{ symbol: 'BTC', size: '10', entryPrice: '100' }]);
    expect(book.equityUsd().toFixed()).toBe('100099');
  });

  it('hands the strategy its position, so a long is exited and not entered again', async () => {
    await harness.commands.execute(
      new ApplyOrderEventCommand('mr_test', filled('a', 'bid', '10', '100')),
    );
    const candles = bars([100, 101, 100, 101, 100, 101, 100, 101, 100]);
    for (const candle of candles) {
      await harness.commands.execute(new EvaluateCandleCommand(candle));
    }

    // Far below the band, but long already: no entry; and below the -3 % stop: an exit.
    const stored = await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)));

    expect(stored).toMatchObject([{ status: 'sent', signal: { intent: 'exit', side: 'ask' } }]);
    expect(harness.signals.requests).toMatchObject([{ side: 'ask', reduceOnly: true }]);
  });
});
