import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { assertNever } from '@nexwave/core';
import {
  MessageConsumer,
  Topics,
  type StrategyCommandReplyV1,
  type StrategyCommandV1,
} from '@nexwave/messaging';

import { PauseStrategyCommand } from '../../application/commands/pause-strategy.command';
import { ResumeStrategyCommand } from '../../application/commands/resume-strategy.command';
import type { StrategyControl } from '../../domain/engine/strategy-control';
import { StrategyError } from '../../domain/strategy.errors';

/**
 * strategy.commands.v1 (request/reply), served by the engine running the instance: pause and
 * resume go to the same command handlers; an instance this engine does not run is answered
 * `rejected` with STRATEGY_NOT_FOUND.
 */
@MessageConsumer()
export class StrategyCommandsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @MessagePattern(Topics.StrategyCommands)
  async onCommand(@Payload() command: StrategyCommandV1): Promise<StrategyCommandReplyV1> {
    try {
      return reply(command.strategyId, await this.dispatch(command));
    } catch (error) {
      if (!(error instanceof StrategyError)) {
        throw error;
      }
      return { outcome: 'rejected', code: error.code, reason: error.message.slice(0, 500) };
    }
  }

  private dispatch(command: StrategyCommandV1): Promise<StrategyControl> {
    const { strategyId } = command;
    const reason = command.reason ?? null;
    const requestedBy = command.requestedBy ?? Topics.StrategyCommands;
    switch (command.command) {
      case 'pause':
        return this.commands.execute(new PauseStrategyCommand(strategyId, reason, requestedBy));
      case 'resume':
        return this.commands.execute(new ResumeStrategyCommand(strategyId, reason, requestedBy));
      default:
        return assertNever(command);
    }
  }
}

function reply(strategyId: string, control: StrategyControl): StrategyCommandReplyV1 {
  return {
    outcome: 'strategy',
    strategyId,
    state: control.state,
    pausedReason: control.pausedReason,
    changedBy: control.changedBy,
    updatedAt: control.updatedAt.toISOString(),
  };
}
