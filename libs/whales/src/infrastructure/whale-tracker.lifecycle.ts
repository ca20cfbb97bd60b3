import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { PeriodicTask } from '@nexwave/core';

import { DispatchAlertsCommand } from '../application/commands/dispatch-alerts.command';
import { WhaleDetectionService } from '../application/detection/whale-detection.service';
import { ImpactMeasurer } from '../application/impact/impact-measurer';
import { MarketSymbolsPort } from '../application/ports/market-symbols.port';
import { WhalesClockPort } from '../application/ports/whales-clock.port';
import { OrderBookStreamReader } from './streams/order-book-stream.reader';
import { TradeStreamReader } from './streams/trade-stream.reader';

export const WHALE_TRACKER_TIMING = Symbol('WHALE_TRACKER_TIMING');

export interface WhaleTrackerTiming {
  readonly detectionIntervalMs: number;
  readonly alertIntervalMs: number;
  readonly impactIntervalMs: number;
  /** Wait before asking again for the symbols when the exchange or database did not answer. */
  readonly symbolsRetryMs: number;
}

/**
 * Starts the tracker once the app is up, without holding up the boot: finds the symbols, reads
 * their order-book and trade streams, then runs detection, alert dispatch and impact measurement each on
 * its own loop (plain services that dispatch commands) (a failing alert channel never delays detection). Stops them before the database
 * closes, letting the runs in progress finish.
 */
@Injectable()
export class WhaleTrackerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WhaleTrackerLifecycle.name);
  private readonly tasks: PeriodicTask[];
  private starting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly symbols: MarketSymbolsPort,
    private readonly reader: OrderBookStreamReader,
    private readonly trades: TradeStreamReader,
    private readonly detection: WhaleDetectionService,
    private readonly commands: CommandBus,
    private readonly impact: ImpactMeasurer,
    private readonly clock: WhalesClockPort,
    @Inject(WHALE_TRACKER_TIMING) private readonly timing: WhaleTrackerTiming,
  ) {
    const task = (name: string, intervalMs: number, run: () => Promise<unknown>) =>
      new PeriodicTask({ name, intervalMs, run, logger: this.logger });
    this.tasks = [
      task('whale detection', timing.detectionIntervalMs, () => this.detect()),
      task('whale alerts', timing.alertIntervalMs, () =>
        this.commands.execute(new DispatchAlertsCommand(this.clock.now())),
      ),
      task('whale impact', timing.impactIntervalMs, () => this.impact.runOnce(this.clock.now())),
    ];
  }

  onApplicationBootstrap(): void {
    this.tasks.forEach((task) => task.start());
    this.starting = this.startReading();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.starting;
    await Promise.all([this.reader.stop(), this.trades.stop()]);
    await Promise.all(this.tasks.map((task) => task.stop()));
  }

  private async startReading(): Promise<void> {
    try {
      const symbols = await this.symbols.list();
      if (symbols.length === 0) {
        throw new Error('no symbols yet');
      }
      if (!this.stopped) {
        await this.trades.start(symbols);
        await this.reader.start(symbols, (book) => this.detection.offer(book));
        this.logger.log(`Whale tracker reading the order books of ${symbols.join(', ')}`);
      }
    } catch (error) {
      this.logger.warn(
        `Whale tracker found no symbols to follow (${String(error)}), asking again in ${this.timing.symbolsRetryMs} ms`,
      );
      if (!this.stopped) {
        this.retry = setTimeout(() => {
          this.starting = this.startReading();
        }, this.timing.symbolsRetryMs);
      }
    }
  }

  private async detect(): Promise<void> {
    const started = performance.now();
    const round = await this.detection.runOnce(this.clock.now());
    if (round.books > 0) {
      this.logger.debug(
        `Whale detection: ${round.books} books, ${round.opened} opened, ${round.updated} updated, ${round.closed} closed in ${(performance.now() - started).toFixed(1)} ms`,
      );
    }
  }
}
