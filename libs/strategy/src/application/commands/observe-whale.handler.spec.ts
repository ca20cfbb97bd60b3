import { bar, bars, T0 } from '../../domain/testing/candles';
import { StrategyHarness } from '../../testing/strategy-harness';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { ObserveWhaleCommand } from './observe-whale.command';

const DIP_CLOSED_AT = T0.getTime() + 10 * 3_600_000;

describe('ObserveWhaleHandler', () => {
  let harness: StrategyHarness;

  beforeEach(async () => {
    harness = await StrategyHarness.create({ parameters: { lookback: 10 } });
    for (const candle of bars([100, 101, 100, 101, 100, 101, 100, 101, 100])) {
      await harness.commands.execute(new EvaluateCandleCommand(candle));
    }
  });

  afterEach(() => harness.close());

  const whale = (side: 'bid' | 'ask') =>
    new ObserveWhaleCommand({
      symbol: 'BTC',
      side,
      kind: 'single',
      notionalUsd: '500000',
      detectedAt: new Date(DIP_CLOSED_AT - 5 * 60_000),
    });

  it('shows the strategy a fresh ask-side whale, which blocks the entry on the dip', async () => {
    await harness.commands.execute(whale('ask'));

    expect(await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)))).toEqual([]);
    expect(harness.signals.requests).toEqual([]);
  });

  it('lets the entry through after a bid-side whale', async () => {
    await harness.commands.execute(whale('bid'));

    expect(await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)))).toHaveLength(1);
  });
});
