import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { SignalRepository } from '../ports/signal.repository.port';
import { StrategyRuntime } from '../strategy-runtime';
import { ApplyOrderEventCommand } from './apply-order-event.command';
import { RecordPerformanceCommand } from './record-performance.command';

/**
 * Events of other strategies' orders are not this instance's: ignored. An applied state is kept
 * with the order's signal, so a restart rebuilds the same positions (RestoreStrategyBookCommand);
 * a fill is recorded in the strategy's performance.
 */
@CommandHandler(ApplyOrderEventCommand)
export class ApplyOrderEventHandler implements ICommandHandler<ApplyOrderEventCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly signals: SignalRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ strategyId, order }: ApplyOrderEventCommand): Promise<boolean> {
    const applied = strategyId === this.runtime.strategyId && this.runtime.book.applyOrder(order);
    if (!applied) {
      return false;
    }
    await this.signals.saveProgress(order);
    if (applied.filled) {
      await this.commands.execute(new RecordPerformanceCommand(order.at, applied.closedTrip));
    }
    return true;
  }
}
