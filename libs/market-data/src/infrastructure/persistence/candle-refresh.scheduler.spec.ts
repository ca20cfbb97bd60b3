import { loadConfig } from '@nexwave/config';

import { RefreshCandlesCommand } from '../../application/commands/refresh-candles.command';
import { RefreshCandlesHandler } from '../../application/commands/refresh-candles.handler';
import { InMemoryCandleAggregates } from '../../testing/in-memory-candle-aggregates';
import { InMemoryCommandBus } from '../../testing/in-memory-command-bus';
import { CANDLE_REFRESH_INTERVAL_MS, CandleRefreshScheduler } from './candle-refresh.scheduler';

function scheduler(url?: string): {
  scheduler: CandleRefreshScheduler;
  refresher: InMemoryCandleAggregates;
} {
  const refresher = new InMemoryCandleAggregates();
  const commands = new InMemoryCommandBus().register(
    RefreshCandlesCommand,
    new RefreshCandlesHandler(refresher),
  );
  return {
    scheduler: new CandleRefreshScheduler(
      commands,
      loadConfig('market-data', url ? { DATABASE_URL: url } : {}),
    ),
    refresher,
  };
}

describe('CandleRefreshScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('on the embedded database refreshes at start, then every interval until shutdown', async () => {
    const { scheduler: candles, refresher } = scheduler();
    candles.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1);
    expect(refresher.refreshes.length).toBe(1);
    await jest.advanceTimersByTimeAsync(CANDLE_REFRESH_INTERVAL_MS);
    expect(refresher.refreshes.length).toBe(2);

    await candles.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(10 * CANDLE_REFRESH_INTERVAL_MS);
    expect(refresher.refreshes.length).toBe(2);
  });

  it('leaves a TimescaleDB server to its own refresh policies', async () => {
    const { scheduler: candles, refresher } = scheduler('postgres://db/nexwave');
    candles.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10 * CANDLE_REFRESH_INTERVAL_MS);
    expect(refresher.refreshes.length).toBe(0);
    await candles.beforeApplicationShutdown();
  });
});
