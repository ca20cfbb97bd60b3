import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { SignalRepository } from '../ports/signal.repository.port';
import { StrategyRuntime } from '../strategy-runtime';
import { ApplyOrderEventCommand } from './apply-order-event.command';
import { RecordPerformanceCommand } from './record-performance.command';

/**
 * Events of other strategies' orders are not this instance's: ignored. An applied state is kept
 * with the order's signal, so a restart rebuilds the same positions (RestoreStrategyBookCommand);
 * a fill is recorded in the strategy's performance. The event is applied to a copy of the book
 * first and to the book itself only once both are stored: a failed write leaves the book as it
 * was, so the redelivered event is applied (and stored) again rather than skipped as seen.
 */
@CommandHandler(ApplyOrderEventCommand)
export class ApplyOrderEventHandler implements ICommandHandler<ApplyOrderEventCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly signals: SignalRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ strategyId, order }: ApplyOrderEventCommand): Promise<boolean> {
    if (strategyId !== this.runtime.strategyId) {
      return false;
    }
    const after = this.runtime.book.clone();
    const applied = after.applyOrder(order);
    if (!applied) {
      return false;
    }
    await this.signals.saveProgress(order);
    if (applied.filled) {
      await this.commands.execute(
        new RecordPerformanceCommand(order.at, applied.closedTrip, after),
      );
    }
    // Applied again rather than swapped in: a candle or another order may have moved the book
    // while the writes were in flight.
    this.runtime.book.applyOrder(order);
    return true;
  }
}
