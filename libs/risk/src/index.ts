// The risk context's public surface: its module, the risk service's commands, queries and
// events, the sender other contexts check orders with, and the pure risk domain. Fakes of its
// ports: @nexwave/risk/testing.
export * from './risk.module';

export * from './application/commands/check-order-risk.command';
export * from './application/events/order-approved.event';
export * from './application/events/order-rejected-by-risk.event';
export * from './application/ports/risk-decision.repository.port';
export * from './application/queries/get-risk-decisions.query';
export * from './interface/messages/risk-check.sender';
export * from './interface/messages/risk-unavailable.error';

export * from './domain/daily-loss';
export * from './domain/risk-limits';
export * from './domain/risk-manager';
export * from './domain/risk-order';
export * from './domain/rules/daily-loss-limit';
export * from './domain/rules/leverage';
export * from './domain/rules/order-size';
export * from './domain/rules/position-limit';
export type { RiskRuleName, RuleDecisionBase, RuleInput } from './domain/rules/rule-decision';
