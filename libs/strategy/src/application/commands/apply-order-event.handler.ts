import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { StrategyRuntime } from '../strategy-runtime';
import { ApplyOrderEventCommand } from './apply-order-event.command';

/** Events of other strategies' orders are not this instance's: ignored. */
@CommandHandler(ApplyOrderEventCommand)
export class ApplyOrderEventHandler implements ICommandHandler<ApplyOrderEventCommand> {
  constructor(private readonly runtime: StrategyRuntime) {}

  execute({ strategyId, order }: ApplyOrderEventCommand): Promise<boolean> {
    if (strategyId !== this.runtime.strategyId) {
      return Promise.resolve(false);
    }
    return Promise.resolve(this.runtime.book.applyOrder(order));
  }
}
