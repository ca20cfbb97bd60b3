import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';

import { backoffDelay, PeriodicTask, sleep, type BackoffPolicy, type Clock } from '@nexwave/core';

import { RestoreStrategyBookCommand } from '../application/commands/restore-strategy-book.command';
import { RetryPendingSignalsCommand } from '../application/commands/retry-pending-signals.command';
import { WarmUpStrategyCommand } from '../application/commands/warm-up-strategy.command';
import type { MarketLotsPort } from '../application/ports/market-lots.port';
import type { SignalRecord } from '../application/ports/signal.repository.port';

export interface StartUpSettings {
  /** Warm up from market-data's candles (an API to read them from is known). */
  readonly warmUp: boolean;
  /** SYMBOLS, or every market the exchange lists. */
  readonly symbols: readonly string[] | undefined;
  /** Pause between two retries of the signals risk has not answered yet. */
  readonly pendingRetryMs: number;
  /** Waits between warm-up attempts while market-data (or the exchange) is not reachable. */
  readonly warmUpBackoff: BackoffPolicy;
}

/**
 * At start-up the book is rebuilt from the stored orders (a failure stops the boot: trading on a
 * wrong position is worse). Then, in the background, without holding up the boot: signals risk
 * has not answered are retried at once and every `pendingRetryMs`, and the strategy warms up,
 * retried with backoff until market-data answers (started later in split mode; in the all-in-one,
 * its HTTP server listens only after the boot). Live candles that come first are not lost: a
 * late warm-up rebuilds each window over the history, which holds them too.
 */
export class StrategyStartUp implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StrategyStartUp.name);
  private readonly stopping = new AbortController();
  private readonly pendingRetry: PeriodicTask<SignalRecord[]>;
  private warmingUp: Promise<boolean> = Promise.resolve(false);

  constructor(
    private readonly commands: CommandBus,
    private readonly markets: MarketLotsPort,
    private readonly settings: StartUpSettings,
    private readonly clock: Clock,
  ) {
    this.pendingRetry = new PeriodicTask({
      name: 'pending signals retry',
      intervalMs: settings.pendingRetryMs,
      firstDelayMs: 0,
      run: () => this.commands.execute(new RetryPendingSignalsCommand()),
      logger: this.logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const orders = await this.commands.execute(new RestoreStrategyBookCommand());
    this.logger.log(`book rebuilt from ${orders} orders`);
    this.pendingRetry.start();
    if (this.settings.warmUp) {
      this.warmingUp = this.warmUpUntilDone();
    }
  }

  /** True once the strategy has warmed up; false when the app stopped first (or no warm-up). */
  warmedUp(): Promise<boolean> {
    return this.warmingUp;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await Promise.all([this.pendingRetry.stop(), this.warmingUp]);
  }

  private async warmUpUntilDone(): Promise<boolean> {
    const logged = new Set<string>();
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        const symbols = this.settings.symbols ?? (await this.markets.symbols());
        const caughtUp = await this.commands.execute(
          new WarmUpStrategyCommand(symbols, this.clock.now()),
        );
        this.logger.log(
          `warmed up on ${symbols.length} symbols, ${caughtUp.length} signals caught up`,
        );
        return true;
      } catch (error) {
        const kind = failureKind(error);
        if (!logged.has(kind)) {
          logged.add(kind);
          this.logger.warn(`warm-up failed, retrying in the background: ${String(error)}`);
        }
        await sleep(backoffDelay(attempt, this.settings.warmUpBackoff), this.stopping.signal);
      }
    }
    return false;
  }
}

/** What a failure is, without what varies between two of the same (a URL, a port, a time). */
function failureKind(error: unknown): string {
  if (!(error instanceof Error)) {
    return typeof error;
  }
  const { code } = (error.cause ?? {}) as { code?: unknown };
  return typeof code === 'string' ? `${error.name} ${code}` : `${error.name} ${error.message}`;
}
