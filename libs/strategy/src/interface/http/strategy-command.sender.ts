import { Injectable } from '@nestjs/common';

import {
  MessageBusPort,
  NoResponderError,
  RequestTimeoutError,
  Topics,
  type StrategyCommandReplyV1,
  type StrategyCommandV1,
} from '@nexwave/messaging';

import { StrategyError, type StrategyErrorCode } from '../../domain/strategy.errors';
import { StrategyApiError } from './strategy-api.errors';

type StrategyReply = Extract<StrategyCommandReplyV1, { outcome: 'strategy' }>;

/**
 * Sends the API's pause and resume to the trading engine as strategy.commands.v1 requests (in
 * process on the memory transport, to the trading-engine app over Kafka) and unwraps the reply: a
 * refusal becomes the StrategyError of its code (404 STRATEGY_NOT_FOUND), no answer at all
 * STRATEGY_UNAVAILABLE (503).
 */
@Injectable()
export class StrategyCommandSender {
  constructor(private readonly bus: MessageBusPort) {}

  pause(strategyId: string, reason: string | null, requestedBy: string): Promise<StrategyReply> {
    return this.send({ command: 'pause', strategyId, requestedBy, ...reasonOf(reason) });
  }

  resume(strategyId: string, reason: string | null, requestedBy: string): Promise<StrategyReply> {
    return this.send({ command: 'resume', strategyId, requestedBy, ...reasonOf(reason) });
  }

  private async send(command: StrategyCommandV1): Promise<StrategyReply> {
    const reply = await this.request(command);
    if (reply.outcome === 'rejected') {
      throw Object.hasOwn(StrategyError.kinds, reply.code)
        ? new StrategyError(reply.code as StrategyErrorCode, reply.reason, {
            strategyId: command.strategyId,
          })
        : new StrategyApiError('COMMAND_REJECTED', reply.reason, { code: reply.code });
    }
    return reply;
  }

  private async request(command: StrategyCommandV1): Promise<StrategyCommandReplyV1> {
    try {
      return await this.bus.request(Topics.StrategyCommands, command);
    } catch (error) {
      if (error instanceof NoResponderError || error instanceof RequestTimeoutError) {
        throw new StrategyApiError(
          'STRATEGY_UNAVAILABLE',
          `the trading engine did not answer: ${error.message}`,
          { command: command.command, strategyId: command.strategyId },
        );
      }
      throw error;
    }
  }
}

function reasonOf(reason: string | null): { reason?: string } {
  return reason === null ? {} : { reason };
}
