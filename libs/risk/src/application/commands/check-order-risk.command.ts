import { Command } from '@nestjs/cqrs';

import type { RiskDecision } from '../../domain/risk-manager';
import type { RiskOrder, RiskPortfolio } from '../../domain/risk-order';

/**
 * Checks an order a strategy wants to send against the limits, given the portfolio it sees. The
 * decision is stored and published; the same clientOrderId again returns the stored decision.
 */
export class CheckOrderRiskCommand extends Command<RiskDecision> {
  constructor(
    readonly order: RiskOrder,
    readonly portfolio: RiskPortfolio,
  ) {
    super();
  }
}
