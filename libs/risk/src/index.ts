// The risk context's public surface: its module and the pure risk domain (rules, decisions,
// daily loss tracking) that the risk service drives.
export * from './risk.module';

export * from './domain/daily-loss';
export * from './domain/risk-limits';
export * from './domain/risk-manager';
export * from './domain/risk-order';
export * from './domain/rules/daily-loss-limit';
export * from './domain/rules/leverage';
export * from './domain/rules/order-size';
export * from './domain/rules/position-limit';
export type { RiskRuleName, RuleDecisionBase, RuleInput } from './domain/rules/rule-decision';
