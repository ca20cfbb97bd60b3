import { MessageBusPort, Topics } from '@nexwave/messaging';

import {
  RiskCheckPort,
  type RiskCheckRequest,
  type RiskVerdict,
} from '../../application/ports/risk-check.port';

/**
 * A risk.checks.v1 request to the risk service (in process on the memory transport, over Kafka
 * between apps), which stores every decision. No answer throws (the bus's NoResponderError or
 * RequestTimeoutError): the candle is retried, never approved by default.
 */
export class MessageRiskCheckAdapter extends RiskCheckPort {
  constructor(private readonly bus: MessageBusPort) {
    super();
  }

  async check(request: RiskCheckRequest): Promise<RiskVerdict> {
    const { equityUsd, positions, ...order } = request;
    const reply = await this.bus.request(Topics.RiskChecks, {
      ...order,
      portfolio: { equityUsd, positions: [...positions] },
    });
    return { approved: reply.approved, rule: reply.failedRule, reason: reply.reason };
  }
}
