import { bar, bars } from '../../domain/testing/candles';
import { StrategyHarness } from '../../testing/strategy-harness';
import { EvaluateCandleCommand } from './evaluate-candle.command';
import { RetryPendingSignalsCommand } from './retry-pending-signals.command';

// lookback 10 at k = 2 on 1h candles: nine closes around 100 then 80: one entry signal.
const CALM = [100, 101, 100, 101, 100, 101, 100, 101, 100];
const DIP = bar(9, 80);
const MINUTE_MS = 60_000;

describe('RetryPendingSignalsHandler', () => {
  let harness: StrategyHarness;

  /** The entry signal, stored while risk does not answer. */
  const storePendingEntry = async () => {
    harness = await StrategyHarness.create({ parameters: { lookback: 10 } });
    for (const candle of bars(CALM)) {
      await harness.commands.execute(new EvaluateCandleCommand(candle));
    }
    harness.risk.unavailable = true;
    const [pending] = await harness.commands.execute(new EvaluateCandleCommand(DIP));
    expect(pending.status).toBe('pending_risk');
    return pending;
  };
  const retry = () => harness.commands.execute(new RetryPendingSignalsCommand());

  afterEach(() => harness?.close());

  it('risk down then up: the pending signal is checked again and its order sent once', async () => {
    const pending = await storePendingEntry();
    harness.clock.advance(30 * MINUTE_MS);
    expect(await retry()).toMatchObject([{ status: 'pending_risk' }]);
    expect(harness.signals.requests).toEqual([]);

    harness.risk.unavailable = false;
    harness.clock.advance(29 * MINUTE_MS);
    expect(await retry()).toMatchObject([{ status: 'sent', risk: { approved: true } }]);
    expect(await retry()).toEqual([]);
    // The candle redelivered: already stored, nothing more.
    expect(await harness.commands.execute(new EvaluateCandleCommand(DIP))).toEqual([]);

    expect(harness.signals.requests).toMatchObject([
      { clientOrderId: pending.clientOrderId, side: 'bid', amount: '125.00' },
    ]);
    expect(harness.risk.checked.map((check) => check.clientOrderId)).toEqual([
      pending.clientOrderId,
      pending.clientOrderId,
      pending.clientOrderId,
    ]);
  });

  it('stores a rejection risk gives on a retry, sending nothing', async () => {
    await storePendingEntry();
    harness.risk.unavailable = false;
    harness.risk.rejectWith('order_size', 'notional above the limit');

    expect(await retry()).toMatchObject([{ status: 'rejected', risk: { rule: 'order_size' } }]);
    expect(harness.signals.requests).toEqual([]);
  });

  it('risk down past one candle: the signal expires and is never sent, even once risk is back', async () => {
    await storePendingEntry();
    harness.clock.advance(60 * MINUTE_MS);
    harness.risk.unavailable = false;

    expect(await retry()).toMatchObject([{ status: 'expired', risk: null }]);
    expect(await retry()).toEqual([]);
    expect(harness.signals.requests).toEqual([]);
    expect(harness.risk.checked).toHaveLength(1);
    expect(await harness.signals.list('mr_test')).toMatchObject([{ status: 'expired' }]);
  });
});
