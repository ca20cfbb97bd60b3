import { EventBus } from '@nestjs/cqrs';

import { PublishClosedCandlesCommand } from '../../application/commands/publish-closed-candles.command';
import { PublishClosedCandlesHandler } from '../../application/commands/publish-closed-candles.handler';
import { CandleCloseCursor } from '../../domain/closed-buckets';
import { InMemoryClosedCandles } from '../../testing/in-memory-closed-candles';
import { InMemoryCommandBus } from '../../testing/in-memory-command-bus';
import { CandleCloseScheduler } from './candle-close.scheduler';

const START = new Date('2026-01-15T12:00:30Z');

describe('CandleCloseScheduler', () => {
  beforeEach(() => jest.useFakeTimers({ now: START }));
  afterEach(() => jest.useRealTimers());

  it('reads the closed buckets just after each minute plus the grace, until shutdown', async () => {
    const candles = new InMemoryClosedCandles();
    const events = { publishAll: () => undefined } as unknown as EventBus;
    const commands = new InMemoryCommandBus().register(
      PublishClosedCandlesCommand,
      new PublishClosedCandlesHandler(new CandleCloseCursor(START), candles, events),
    );
    const scheduler = new CandleCloseScheduler(commands);
    const reads = () => candles.reads.map((b) => `${b.timeframe} ${b.start.toISOString()}`);
    scheduler.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(39_999);
    expect(reads()).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(reads()).toEqual(['1m 2026-01-15T12:00:00.000Z']);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(reads()).toEqual(['1m 2026-01-15T12:00:00.000Z', '1m 2026-01-15T12:01:00.000Z']);

    await scheduler.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(candles.reads).toHaveLength(2);
  });
});
