import { Injectable } from '@nestjs/common';

import {
  MessageBusPort,
  NoResponderError,
  RequestTimeoutError,
  Topics,
  type RiskCheckReplyV1,
  type RiskCheckV1,
} from '@nexwave/messaging';

import { RiskUnavailableError } from './risk-unavailable.error';

/**
 * How another context (the strategy engine) asks for a risk check: a risk.checks.v1 request, in
 * process on the memory transport, to the trading engine's risk service over Kafka. No answer is
 * RISK_UNAVAILABLE, never an approval.
 */
@Injectable()
export class RiskCheckSender {
  constructor(private readonly bus: MessageBusPort) {}

  async check(request: RiskCheckV1): Promise<RiskCheckReplyV1> {
    try {
      return await this.bus.request(Topics.RiskChecks, request);
    } catch (error) {
      if (error instanceof NoResponderError || error instanceof RequestTimeoutError) {
        throw new RiskUnavailableError(
          'RISK_UNAVAILABLE',
          `the risk service did not answer: ${error.message}`,
          { clientOrderId: request.clientOrderId },
        );
      }
      throw error;
    }
  }
}
