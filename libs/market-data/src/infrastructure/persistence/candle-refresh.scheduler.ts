import {
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { InjectConfig, type AppConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';

import { CandleRefresher } from './candle-refresher';

export const CANDLE_REFRESH_INTERVAL_MS = 60_000;
const INTERVAL_NAME = 'candle-refresh';

/**
 * Embedded database only (no DATABASE_URL): runs the refresher at start and every minute. A
 * TimescaleDB server runs the refresh policies of the migration itself.
 */
@Injectable()
export class CandleRefreshScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private inFlight?: Promise<unknown>;

  constructor(
    private readonly refresher: CandleRefresher,
    private readonly registry: SchedulerRegistry,
    @InjectConfig() private readonly config: Pick<AppConfig, 'database'>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.database.url !== undefined) {
      return;
    }
    this.tick();
    this.registry.addInterval(
      INTERVAL_NAME,
      setInterval(() => this.tick(), CANDLE_REFRESH_INTERVAL_MS),
    );
  }

  /** Lets a running refresh finish before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INTERVAL_NAME)) {
      this.registry.deleteInterval(INTERVAL_NAME);
    }
    await this.inFlight;
  }

  /** Skips a tick while the previous refresh still runs; runOnce never rejects. */
  private tick(): void {
    if (this.inFlight) {
      return;
    }
    this.inFlight = this.refresher.runOnce(systemClock.now()).finally(() => {
      this.inFlight = undefined;
    });
  }
}
