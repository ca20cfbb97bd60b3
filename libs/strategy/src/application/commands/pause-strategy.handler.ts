import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { pause, type StrategyControl } from '../../domain/engine/strategy-control';
import { PauseStrategyCommand } from './pause-strategy.command';
import { StrategyControlUpdater } from './strategy-control.updater';

@CommandHandler(PauseStrategyCommand)
export class PauseStrategyHandler implements ICommandHandler<PauseStrategyCommand> {
  private readonly logger = new Logger(PauseStrategyHandler.name);

  constructor(private readonly updater: StrategyControlUpdater) {}

  async execute({
    strategyId,
    reason,
    requestedBy,
  }: PauseStrategyCommand): Promise<StrategyControl> {
    const control = await this.updater.update(strategyId, (current, now) =>
      pause(current, reason, requestedBy, now),
    );
    this.logger.warn({ strategyId, requestedBy, reason }, 'strategy paused: exits only');
    return control;
  }
}
