import { bar, bars, T0 } from '../../domain/testing/candles';
import { StrategyHarness } from '../../testing/strategy-harness';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { WarmUpStrategyCommand } from './warm-up-strategy.command';

const HOUR_MS = 3_600_000;
const CALM = [100, 101, 100, 101, 100, 101, 100, 101, 100];
/** The dip (bucket 9) closed at T0 + 10 h. */
const AFTER_DIP = new Date(T0.getTime() + 10 * HOUR_MS);

describe('WarmUpStrategyHandler', () => {
  let harness: StrategyHarness;

  beforeEach(async () => {
    harness = await StrategyHarness.create({ parameters: { lookback: 10 } });
    harness.history.candles.push(...bars(CALM), bar(9, 80));
  });

  afterEach(() => harness.close());

  it('warms the window up and catches up the newest closed candle, once', async () => {
    const caughtUp = await harness.commands.execute(new WarmUpStrategyCommand(['BTC'], AFTER_DIP));

    expect(caughtUp).toMatchObject([{ status: 'sent', signal: { intent: 'entry', price: '80' } }]);
    expect(harness.signals.requests).toHaveLength(1);

    // A second start over the same store: the catch-up finds its signal already sent.
    await harness.close();
    harness = await StrategyHarness.create({
      parameters: { lookback: 10 },
      signals: harness.signals,
    });
    harness.history.candles.push(...bars(CALM), bar(9, 80));
    expect(await harness.commands.execute(new WarmUpStrategyCommand(['BTC'], AFTER_DIP))).toEqual(
      [],
    );
    expect(harness.signals.requests).toHaveLength(1);
  });

  it('leaves a candle still open to the live feed, and the window is warm for it', async () => {
    const beforeDipClosed = new Date(AFTER_DIP.getTime() - 1);

    expect(
      await harness.commands.execute(new WarmUpStrategyCommand(['BTC'], beforeDipClosed)),
    ).toEqual([]);
    const live = await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)));

    expect(live).toMatchObject([{ status: 'sent' }]);
  });

  it('after live candles came first, rebuilds the window over the history and re-sends nothing', async () => {
    const beforeDipClosed = new Date(AFTER_DIP.getTime() - 1);
    await harness.commands.execute(new EvaluateCandleCommand(bar(8, 100)));

    expect(
      await harness.commands.execute(new WarmUpStrategyCommand(['BTC'], beforeDipClosed)),
    ).toEqual([]);
    const live = await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)));

    // With only the live candle in its window the strategy could not have entered on the dip.
    expect(live).toMatchObject([{ status: 'sent', signal: { intent: 'entry', price: '80' } }]);
    expect(harness.signals.requests).toHaveLength(1);
  });

  it('does nothing for a symbol without history', async () => {
    expect(await harness.commands.execute(new WarmUpStrategyCommand(['ETH'], AFTER_DIP))).toEqual(
      [],
    );
  });
});
