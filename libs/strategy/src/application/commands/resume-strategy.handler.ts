import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { resume, type StrategyControl } from '../../domain/engine/strategy-control';
import { ResumeStrategyCommand } from './resume-strategy.command';
import { StrategyControlUpdater } from './strategy-control.updater';

@CommandHandler(ResumeStrategyCommand)
export class ResumeStrategyHandler implements ICommandHandler<ResumeStrategyCommand> {
  private readonly logger = new Logger(ResumeStrategyHandler.name);

  constructor(private readonly updater: StrategyControlUpdater) {}

  async execute({
    strategyId,
    reason,
    requestedBy,
  }: ResumeStrategyCommand): Promise<StrategyControl> {
    const control = await this.updater.update(strategyId, (current, now) =>
      resume(current, requestedBy, now),
    );
    this.logger.warn({ strategyId, requestedBy, reason }, 'strategy resumed');
    return control;
  }
}
