import type { RiskDecision } from '../../domain/risk-manager';

/** The risk manager approved an order: the strategy may send it. */
export class OrderApprovedEvent {
  constructor(readonly decision: RiskDecision) {}
}
