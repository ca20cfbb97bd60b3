import type { RiskDecision } from '../../domain/risk-manager';

/** The risk manager refused an order (`decision.failedRule`): it is never sent. */
export class OrderRejectedByRiskEvent {
  constructor(readonly decision: RiskDecision) {}
}
