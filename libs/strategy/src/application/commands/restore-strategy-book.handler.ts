import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { SignalRepository } from '../ports/signal.repository.port';
import { StrategyRuntime } from '../strategy-runtime';
import { RestoreStrategyBookCommand } from './restore-strategy-book.command';

@CommandHandler(RestoreStrategyBookCommand)
export class RestoreStrategyBookHandler implements ICommandHandler<RestoreStrategyBookCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly signals: SignalRepository,
  ) {}

  async execute(): Promise<number> {
    const orders = await this.signals.progressOf(this.runtime.strategyId);
    orders.forEach((order) => this.runtime.book.applyOrder(order));
    return orders.length;
  }
}
