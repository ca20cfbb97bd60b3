import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus, type ICommandBus } from '@nestjs/cqrs';

import { InjectConfig, type AppConfig } from '@nexwave/config';
import { PeriodicTask, systemClock } from '@nexwave/core';

import { RefreshCandlesCommand } from '../../application/commands/refresh-candles.command';

export const CANDLE_REFRESH_INTERVAL_MS = 60_000;

/**
 * Embedded database only (no DATABASE_URL): dispatches RefreshCandlesCommand at start and every minute. A
 * TimescaleDB server runs the refresh policies of the migration itself.
 */
@Injectable()
export class CandleRefreshScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask<boolean>;

  constructor(
    @Inject(CommandBus) commands: ICommandBus,
    @InjectConfig() private readonly config: Pick<AppConfig, 'database'>,
  ) {
    this.task = new PeriodicTask({
      name: 'candle refresh',
      intervalMs: CANDLE_REFRESH_INTERVAL_MS,
      firstDelayMs: 0,
      run: () => commands.execute(new RefreshCandlesCommand(systemClock.now())),
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
