import type { DataSource } from 'typeorm';

import { loadConfig } from '@nexwave/config';

import { CANDLE_REFRESH_INTERVAL_MS, CandleRefreshScheduler } from './candle-refresh.scheduler';
import { CandleRefresher } from './candle-refresher';

/** Counts refreshes instead of touching a database. */
class CountingRefresher extends CandleRefresher {
  runs = 0;

  constructor() {
    super(undefined as unknown as DataSource);
  }

  override runOnce(): Promise<boolean> {
    this.runs++;
    return Promise.resolve(true);
  }
}

function scheduler(url?: string): {
  scheduler: CandleRefreshScheduler;
  refresher: CountingRefresher;
} {
  const refresher = new CountingRefresher();
  return {
    scheduler: new CandleRefreshScheduler(
      refresher,
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
    expect(refresher.runs).toBe(1);
    await jest.advanceTimersByTimeAsync(CANDLE_REFRESH_INTERVAL_MS);
    expect(refresher.runs).toBe(2);

    await candles.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(10 * CANDLE_REFRESH_INTERVAL_MS);
    expect(refresher.runs).toBe(2);
  });

  it('leaves a TimescaleDB server to its own refresh policies', async () => {
    const { scheduler: candles, refresher } = scheduler('postgres://db/nexwave');
    candles.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10 * CANDLE_REFRESH_INTERVAL_MS);
    expect(refresher.runs).toBe(0);
    await candles.beforeApplicationShutdown();
  });
});
