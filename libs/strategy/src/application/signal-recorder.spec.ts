import type { LoggerService } from '@nestjs/common';

import type { OrderRequestV1 } from '@nexwave/messaging';

import { bar, bars } from '../domain/testing/candles';
import { InMemorySignalRepository } from '../testing/in-memory-signal.repository';
import { StrategyHarness } from '../testing/strategy-harness';
import { EvaluateCandleCommand } from './commands/evaluate-candle.command';
import { RetryPendingSignalsCommand } from './commands/retry-pending-signals.command';
import type { SignalRecord } from './ports/signal.repository.port';

// lookback 10 at k = 2 on 1h candles: nine closes around 100 then 80: one entry signal.
const CALM = [100, 101, 100, 101, 100, 101, 100, 101, 100];
const DIP = bar(9, 80);
const MINUTE_MS = 60_000;

class DatabaseDown extends Error {}

/** Signals whose next `failures.record` stores and `failures.settle` settles fail. */
class FlakySignalRepository extends InMemorySignalRepository {
  readonly failures = { exists: 0, record: 0, settle: 0 };

  override exists(clientOrderId: string): Promise<boolean> {
    return this.fail('exists') ?? super.exists(clientOrderId);
  }

  override record(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean> {
    return this.fail('record') ?? super.record(record, request);
  }

  override settle(record: SignalRecord, request: OrderRequestV1 | null): Promise<boolean> {
    return this.fail('settle') ?? super.settle(record, request);
  }

  private fail(write: keyof FlakySignalRepository['failures']): Promise<never> | null {
    if (this.failures[write] === 0) {
      return null;
    }
    this.failures[write]--;
    return Promise.reject(new DatabaseDown(`${write} failed`));
  }
}

class CapturingLogger implements LoggerService {
  readonly errors: string[] = [];
  log(): void {}
  warn(): void {}
  error(message: unknown): void {
    this.errors.push(String(message));
  }
}

describe('SignalRecorder: a signal whose write fails', () => {
  let harness: StrategyHarness;
  let signals: FlakySignalRepository;
  let logger: CapturingLogger;

  const evaluate = (candle = DIP) => harness.commands.execute(new EvaluateCandleCommand(candle));
  const retry = () => harness.commands.execute(new RetryPendingSignalsCommand());

  beforeEach(async () => {
    signals = new FlakySignalRepository();
    logger = new CapturingLogger();
    harness = await StrategyHarness.create({ parameters: { lookback: 10 }, signals, logger });
    for (const candle of bars(CALM)) {
      await evaluate(candle);
    }
  });

  afterEach(() => harness.close());

  /** The entry the dip would have sent at once, had its write not failed. */
  const entryOrder = { symbol: 'BTC', side: 'bid', amount: '125.00', reduceOnly: false };

  it('is kept, then stored and sent once when the database answers again', async () => {
    signals.failures.record = 3;
    // The candle does not fail: retrying it would not bring the signal back.
    expect(await evaluate()).toEqual([]);
    expect(await signals.list('mr_test')).toEqual([]);

    harness.clock.advance(10 * MINUTE_MS);
    expect(await retry()).toEqual([]);
    harness.clock.advance(10 * MINUTE_MS);
    expect(await retry()).toEqual([]);
    expect(signals.failures.record).toBe(0);
    harness.clock.advance(10 * MINUTE_MS);
    const [sent] = await retry();

    expect(sent).toMatchObject({ status: 'sent', risk: { approved: true }, amount: '125.00' });
    expect(await retry()).toEqual([]);
    expect(await evaluate()).toEqual([]);
    expect(signals.requests).toEqual([
      expect.objectContaining({ clientOrderId: sent.clientOrderId, ...entryOrder }),
    ]);
    expect(await signals.list('mr_test')).toMatchObject([
      // stamped when the strategy decided it, so its expiry runs from then
      { status: 'sent', createdAt: new Date('2026-01-16T00:00:00Z') },
    ]);
    expect(harness.risk.checked).toHaveLength(1);
    expect(logger.errors).toEqual([]);
  });

  it('is kept when even the check that it is new fails', async () => {
    signals.failures.exists = 1;
    expect(await evaluate()).toEqual([]);

    expect(await retry()).toMatchObject([{ status: 'sent' }]);
    expect(signals.requests).toEqual([expect.objectContaining(entryOrder)]);
  });

  it('expires one candle after it was decided, logged with its client order id and counted', async () => {
    signals.failures.record = 1_000;
    expect(await evaluate()).toEqual([]);
    harness.clock.advance(59 * MINUTE_MS);
    expect(await retry()).toEqual([]);
    expect(logger.errors).toEqual([]);

    harness.clock.advance(MINUTE_MS);
    signals.failures.record = 0;
    expect(await retry()).toEqual([]);

    expect(await signals.list('mr_test')).toEqual([]);
    expect(signals.requests).toEqual([]);
    expect(harness.risk.checked).toEqual([]);
    expect(logger.errors).toEqual([
      expect.stringMatching(/^signal [0-9a-f-]{36} lost: not stored within one candle/),
    ]);
    expect((await harness.metrics.signalsLost.get()).values[0].value).toBe(1);
    // Dropped, not retried again.
    expect(await retry()).toEqual([]);
    expect(logger.errors).toHaveLength(1);
  });

  it('settled: its verdict write failing leaves it pending for the retry, sent once', async () => {
    signals.failures.settle = 1;
    expect(await evaluate()).toMatchObject([{ status: 'pending_risk' }]);
    expect(signals.requests).toEqual([]);

    expect(await retry()).toMatchObject([{ status: 'sent', risk: { approved: true } }]);
    expect(await retry()).toEqual([]);
    expect(signals.requests).toEqual([expect.objectContaining(entryOrder)]);
  });
});
