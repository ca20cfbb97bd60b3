import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';

import type { Clock } from '@nexwave/core';

import { WarmUpStrategyCommand } from '../../application/commands/warm-up-strategy.command';
import type { MarketLotsPort } from '../../application/ports/market-lots.port';

/**
 * Runs the warm-up once at start-up over SYMBOLS, or every market the exchange lists. A failure
 * (market-data not up yet) is logged: the strategy then warms up on live candles instead.
 */
export class StrategyWarmUp implements OnApplicationBootstrap {
  private readonly logger = new Logger(StrategyWarmUp.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly markets: MarketLotsPort,
    private readonly symbols: readonly string[] | undefined,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const symbols = this.symbols ?? (await this.markets.symbols());
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
