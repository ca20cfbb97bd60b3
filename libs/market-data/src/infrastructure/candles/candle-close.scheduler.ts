import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus, type ICommandBus } from '@nestjs/cqrs';

import { PeriodicTask, systemClock } from '@nexwave/core';

import { PublishClosedCandlesCommand } from '../../application/commands/publish-closed-candles.command';
import { CANDLE_CLOSE_GRACE_MS, nextDueAt } from '../../domain/closed-buckets';

const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * Dispatches PublishClosedCandlesCommand just after each minute's bucket is due (its end plus the
 * grace), in both database modes: it reads the aggregates, it does not wait for their refresh.
 */
@Injectable()
export class CandleCloseScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask<number>;

  constructor(@Inject(CommandBus) commands: ICommandBus) {
    const untilNextDue = () => {
      const now = systemClock.now();
      return nextDueAt(now, CANDLE_CLOSE_GRACE_MS).getTime() - now.getTime();
    };
    this.task = new PeriodicTask({
      name: 'candle close',
      intervalMs: RETRY_AFTER_FAILURE_MS,
      firstDelayMs: untilNextDue(),
      pauseAfter: untilNextDue,
      run: () => commands.execute(new PublishClosedCandlesCommand(systemClock.now())),
      logger: new Logger(CandleCloseScheduler.name),
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
