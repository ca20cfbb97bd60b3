import { Decimal } from '@nexwave/core';
import type { RiskCheckReplyV1, RiskCheckV1, RuleDecisionV1 } from '@nexwave/messaging';

import type { RiskDecision, RuleDecision } from '../../domain/risk-manager';
import type { RiskOrder, RiskPortfolio } from '../../domain/risk-order';

/** The order a risk.checks.v1 request proposes, as the rules see it. */
export function toRiskOrder(check: RiskCheckV1): RiskOrder {
  return {
    strategyId: check.strategyId,
    clientOrderId: check.clientOrderId,
    symbol: check.symbol,
    side: check.side,
    intent: check.intent,
    amount: new Decimal(check.amount),
    price: new Decimal(check.price),
    reduceOnly: check.reduceOnly,
  };
}

/** The strategy's portfolio; entry prices travel for the record, the rules value at the mark. */
export function toRiskPortfolio({ portfolio }: RiskCheckV1): RiskPortfolio {
  return {
    equityUsd: new Decimal(portfolio.equityUsd),
    positions: portfolio.positions.map((position) => ({
      symbol: position.symbol,
      size: new Decimal(position.size),
      markPrice: new Decimal(position.markPrice),
    })),
  };
}

export function toRiskCheckReplyV1(decision: RiskDecision): RiskCheckReplyV1 {
  return {
    clientOrderId: decision.clientOrderId,
    approved: decision.approved,
    failedRule: decision.failedRule,
    reason: decision.reason,
    checkedAs: decision.checkedAs,
    rules: decision.rules.map(toRuleDecisionV1),
    decidedAt: decision.decidedAt.toISOString(),
  };
}

function toRuleDecisionV1(ruleDecision: RuleDecision): RuleDecisionV1 {
  const { rule, approved, limit, actual, reason, ...numbers } = ruleDecision;
  return { rule, approved, limit, actual, reason, numbers };
}
