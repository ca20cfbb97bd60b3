import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { SignalRepository } from '../ports/signal.repository.port';
import { StrategyRuntime } from '../strategy-runtime';
import { ApplyOrderEventCommand } from './apply-order-event.command';

/**
 * Events of other strategies' orders are not this instance's: ignored. An applied state is kept
 * with the order's signal, so a restart rebuilds the same positions (RestoreStrategyBookCommand).
 */
@CommandHandler(ApplyOrderEventCommand)
export class ApplyOrderEventHandler implements ICommandHandler<ApplyOrderEventCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly signals: SignalRepository,
  ) {}

  async execute({ strategyId, order }: ApplyOrderEventCommand): Promise<boolean> {
    if (strategyId !== this.runtime.strategyId || !this.runtime.book.applyOrder(order)) {
      return false;
    }
    await this.signals.saveProgress(order);
    return true;
  }
}
