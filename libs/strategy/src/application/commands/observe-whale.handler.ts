import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { StrategyRuntime } from '../strategy-runtime';
import { ObserveWhaleCommand } from './observe-whale.command';

@CommandHandler(ObserveWhaleCommand)
export class ObserveWhaleHandler implements ICommandHandler<ObserveWhaleCommand> {
  constructor(private readonly runtime: StrategyRuntime) {}

  execute({ whale }: ObserveWhaleCommand): Promise<void> {
    this.runtime.strategy.onWhale(whale);
    return Promise.resolve();
  }
}
