import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';

import { InjectConfig, type AppConfig } from '@nexwave/config';
import { PeriodicTask, systemClock } from '@nexwave/core';

import { CandleRefresher } from './candle-refresher';

export const CANDLE_REFRESH_INTERVAL_MS = 60_000;

/**
 * Embedded database only (no DATABASE_URL): runs the refresher at start and every minute. A
 * TimescaleDB server runs the refresh policies of the migration itself.
 */
@Injectable()
export class CandleRefreshScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask<boolean>;

  constructor(
    refresher: CandleRefresher,
    @InjectConfig() private readonly config: Pick<AppConfig, 'database'>,
  ) {
    this.task = new PeriodicTask({
      name: 'candle refresh',
      intervalMs: CANDLE_REFRESH_INTERVAL_MS,
      firstDelayMs: 0,
      run: () => refresher.runOnce(systemClock.now()),
      logger: new Logger(CandleRefreshScheduler.name),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.database.url === undefined) {
      this.task.start();
    }
  }

  /** Lets a running refresh finish before the database goes away. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
