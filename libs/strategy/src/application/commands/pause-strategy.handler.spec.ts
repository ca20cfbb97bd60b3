import { bar, bars } from '../../domain/testing/candles';
import { InMemoryStrategyInstanceRepository } from '../../testing/in-memory-strategy-instance.repository';
import { StrategyHarness } from '../../testing/strategy-harness';
import { ApplyOrderEventCommand } from './apply-order-event.command';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { PauseStrategyCommand } from './pause-strategy.command';
import { ResumeStrategyCommand } from './resume-strategy.command';

// lookback 10 at k = 2: nine closes around 100, then 80 far below the lower band.
const CALM = bars([100, 101, 100, 101, 100, 101, 100, 101, 100]);
const NOW = new Date('2026-01-16T00:00:00Z');

describe('PauseStrategyHandler and ResumeStrategyHandler', () => {
  let harness: StrategyHarness;

  const start = async (instances?: InMemoryStrategyInstanceRepository) => {
    harness = await StrategyHarness.create({ parameters: { lookback: 10 }, instances });
    for (const candle of CALM) {
      await harness.commands.execute(new EvaluateCandleCommand(candle));
    }
  };
  const pause = (strategyId = 'mr_test') =>
    harness.commands.execute(new PauseStrategyCommand(strategyId, 'funding', 'api-key:a'));
  const resume = () =>
    harness.commands.execute(new ResumeStrategyCommand('mr_test', null, 'api-key:b'));

  afterEach(() => harness?.close());

  it('registers the instance at start-up with its parameters after defaults, running', async () => {
    await start();
    expect(await harness.instances.find('mr_test')).toMatchObject({
      id: 'mr_test',
      name: 'mean_reversion',
      parameters: { lookback: 10, entryStdDevs: 2, stopLossPct: 3, takeProfitPct: 5 },
      control: { state: 'running', pausedReason: null },
      startedAt: NOW,
    });
  });

  it('paused: an entry signal is dropped, not stored and not sent', async () => {
    await start();
    expect(await pause()).toEqual({
      state: 'paused',
      pausedReason: 'funding',
      changedBy: 'api-key:a',
      updatedAt: NOW,
    });

    expect(await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)))).toEqual([]);
    expect(await harness.signals.list('mr_test')).toEqual([]);
    expect(harness.risk.checked).toEqual([]);
    expect(harness.signals.requests).toEqual([]);
  });

  it('paused: a stop loss exit still goes out', async () => {
    await start();
    await harness.commands.execute(
      new ApplyOrderEventCommand('mr_test', {
        clientOrderId: 'a',
        sequence: 2,
        symbol: 'BTC',
        side: 'bid',
        filledAmount: '10',
        averageFillPrice: '100',
        feeUsd: '1',
        at: NOW,
      }),
    );
    await pause();

    // Below the -3 % stop of the long entered at 100.
    const stored = await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)));

    expect(stored).toMatchObject([{ status: 'sent', signal: { intent: 'exit', side: 'ask' } }]);
    expect(harness.signals.requests).toMatchObject([{ side: 'ask', reduceOnly: true }]);
  });

  it('resumed: the next entry is sent', async () => {
    await start();
    await pause();
    expect(await resume()).toMatchObject({ state: 'running', changedBy: 'api-key:b' });

    const stored = await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)));

    expect(stored).toMatchObject([{ status: 'sent', signal: { intent: 'entry' } }]);
    expect(harness.signals.requests).toHaveLength(1);
  });

  it('stores the pause: a restarted engine starts paused', async () => {
    const instances = new InMemoryStrategyInstanceRepository();
    await start(instances);
    await pause();
    await harness.close();

    await start(instances);
    expect(harness.runtime.control).toMatchObject({ state: 'paused', pausedReason: 'funding' });
    expect(await harness.commands.execute(new EvaluateCandleCommand(bar(9, 80)))).toEqual([]);
  });

  it('refuses another instance with STRATEGY_NOT_FOUND and changes nothing', async () => {
    await start();
    await expect(pause('ma_other')).rejects.toMatchObject({
      code: 'STRATEGY_NOT_FOUND',
      details: { strategyId: 'ma_other' },
    });
    expect(harness.runtime.control.state).toBe('running');
  });
});
