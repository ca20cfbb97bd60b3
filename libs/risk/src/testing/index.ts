// Fakes of the risk context's ports for handler specs, and its entities for tests' DataSources.
export { InMemoryRiskDecisionRepository } from './in-memory-risk-decision.repository';
export { ManualRiskClock, RiskHarness, type RiskHarnessOptions } from './risk-harness';
export { RISK_ENTITIES } from '../infrastructure/persistence/risk.entities';
