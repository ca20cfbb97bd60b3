import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import type { RiskLimits } from '../../domain/risk-limits';
import { RiskManager, type RiskDecision } from '../../domain/risk-manager';
import { OrderApprovedEvent } from '../events/order-approved.event';
import { OrderRejectedByRiskEvent } from '../events/order-rejected-by-risk.event';
import { RiskClockPort } from '../ports/risk-clock.port';
import { RiskDecisionRepository } from '../ports/risk-decision.repository.port';
import { CheckOrderRiskCommand } from './check-order-risk.command';
import { RISK_LIMITS } from './risk-limits.token';

/**
 * Loads the strategy's day, runs the rules, stores the decision with the day's state and
 * publishes it. A replayed clientOrderId gets the stored decision and publishes nothing again.
 */
@CommandHandler(CheckOrderRiskCommand)
export class CheckOrderRiskHandler implements ICommandHandler<CheckOrderRiskCommand, RiskDecision> {
  constructor(
    private readonly decisions: RiskDecisionRepository,
    private readonly clock: RiskClockPort,
    private readonly events: EventBus,
    @Inject(RISK_LIMITS) private readonly limits: RiskLimits,
  ) {}

  async execute({ order, portfolio }: CheckOrderRiskCommand): Promise<RiskDecision> {
    const stored = await this.decisions.findByClientOrderId(order.clientOrderId);
    if (stored) {
      return stored;
    }
    const manager = RiskManager.restore(
      await this.decisions.loadDailyLoss(order.strategyId),
      this.limits,
    );
    const decision = manager.check(order, portfolio, this.clock.now());
    const saved = await this.decisions.save(decision, manager.dailyLossSnapshot());
    if (saved.created) {
      this.events.publish(
        decision.approved
          ? new OrderApprovedEvent(decision)
          : new OrderRejectedByRiskEvent(decision),
      );
    }
    return saved.decision;
  }
}
