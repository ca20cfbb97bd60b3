import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';

import type { Clock } from '@nexwave/core';

import { RestoreStrategyBookCommand } from '../application/commands/restore-strategy-book.command';
import { WarmUpStrategyCommand } from '../application/commands/warm-up-strategy.command';
import type { MarketLotsPort } from '../application/ports/market-lots.port';

export interface StartUpSettings {
  /** Warm up from market-data's candles (MARKET_DATA_API_URL set). */
  readonly warmUp: boolean;
  /** SYMBOLS, or every market the exchange lists. */
  readonly symbols: readonly string[] | undefined;
}

/**
 * Once at start-up: the book is rebuilt from the stored orders (a failure stops the boot: trading
 * on a wrong position is worse), then the strategy warms up over the symbols. A warm-up failure
 * (market-data not up yet) is logged: the strategy then warms up on live candles instead.
 */
export class StrategyStartUp implements OnApplicationBootstrap {
  private readonly logger = new Logger(StrategyStartUp.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly markets: MarketLotsPort,
    private readonly settings: StartUpSettings,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const orders = await this.commands.execute(new RestoreStrategyBookCommand());
    this.logger.log(`book rebuilt from ${orders} orders`);
    if (!this.settings.warmUp) {
      return;
    }
    try {
      const symbols = this.settings.symbols ?? (await this.markets.symbols());
      const caughtUp = await this.commands.execute(
        new WarmUpStrategyCommand(symbols, this.clock.now()),
      );
      this.logger.log(
        `warmed up on ${symbols.length} symbols, ${caughtUp.length} signals caught up`,
      );
    } catch (error) {
      this.logger.warn(`warm-up failed, warming up on live candles: ${String(error)}`);
    }
  }
}
