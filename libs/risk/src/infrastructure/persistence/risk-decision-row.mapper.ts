import type { RiskDecision } from '../../domain/risk-manager';
import { RiskDecisionEntity } from './risk-decision.entity';

/** The row storing `decision` under `id` (a uuid v7 chosen by the caller). */
export function toRiskDecisionRow(id: string, decision: RiskDecision): RiskDecisionEntity {
  return Object.assign(new RiskDecisionEntity(), {
    id,
    strategyId: decision.strategyId,
    clientOrderId: decision.clientOrderId,
    symbol: decision.symbol,
    side: decision.side,
    intent: decision.intent,
    checkedAs: decision.checkedAs,
    amount: decision.amount,
    price: decision.priceUsd,
    approved: decision.approved,
    failedRule: decision.failedRule,
    reason: decision.reason,
    rules: [...decision.rules],
    limits: decision.limits,
    decidedAt: decision.decidedAt,
  });
}

/** The decision a stored row holds; numerics come back as Postgres prints them. */
export function fromRiskDecisionRow(row: RiskDecisionEntity): RiskDecision {
  return {
    strategyId: row.strategyId,
    clientOrderId: row.clientOrderId,
    symbol: row.symbol,
    side: row.side,
    intent: row.intent,
    checkedAs: row.checkedAs,
    amount: row.amount,
    priceUsd: row.price,
    approved: row.approved,
    failedRule: row.failedRule,
    reason: row.reason,
    rules: row.rules,
    limits: row.limits,
    decidedAt: row.decidedAt,
  };
}
