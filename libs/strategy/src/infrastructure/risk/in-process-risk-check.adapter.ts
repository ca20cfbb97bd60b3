import { Decimal } from '@nexwave/core';
import { RiskManager, type RiskLimits } from '@nexwave/risk';

import {
  RiskCheckPort,
  type RiskCheckRequest,
  type RiskVerdict,
} from '../../application/ports/risk-check.port';

/**
 * Interim: runs the risk context's public rules (RiskManager) in this process until the risk
 * service's risk.checks.v1 request/reply lands; then this is replaced by an adapter sending that
 * message, and the risk service stores every decision. Nothing here is stored.
 */
export class InProcessRiskCheckAdapter extends RiskCheckPort {
  private readonly manager: RiskManager;

  constructor(limits: RiskLimits) {
    super();
    this.manager = RiskManager.create(limits);
  }

  check(request: RiskCheckRequest): Promise<RiskVerdict> {
    const decision = this.manager.check(
      {
        strategyId: request.strategyId,
        clientOrderId: request.clientOrderId,
        symbol: request.symbol,
        side: request.side,
        intent: request.intent,
        amount: new Decimal(request.amount),
        price: new Decimal(request.price),
        reduceOnly: request.reduceOnly,
      },
      {
        equityUsd: new Decimal(request.equityUsd),
        positions: request.positions.map((position) => ({
          symbol: position.symbol,
          size: new Decimal(position.size),
          markPrice: new Decimal(position.markPrice),
        })),
      },
      request.at,
    );
    return Promise.resolve({
      approved: decision.approved,
      rule: decision.failedRule,
      reason: decision.reason,
    });
  }
}
