import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { PerformanceRepository } from '../ports/performance.repository.port';
import { SignalRepository } from '../ports/signal.repository.port';
import { StrategyRuntime } from '../strategy-runtime';
import { RestoreStrategyBookCommand } from './restore-strategy-book.command';

@CommandHandler(RestoreStrategyBookCommand)
export class RestoreStrategyBookHandler implements ICommandHandler<RestoreStrategyBookCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly signals: SignalRepository,
    private readonly performance: PerformanceRepository,
  ) {}

  async execute(): Promise<number> {
    const { strategyId, book } = this.runtime;
    const orders = await this.signals.progressOf(strategyId);
    // Trips these replays close were recorded when they happened: the ledger is restored instead.
    orders.forEach((order) => book.applyOrder(order));
    this.runtime.performance.restore(await this.performance.history(strategyId));
    return orders.length;
  }
}
