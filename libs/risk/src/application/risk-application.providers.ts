import type { Provider } from '@nestjs/common';

import { CheckOrderRiskHandler } from './commands/check-order-risk.handler';
import { GetRiskDecisionsHandler } from './queries/get-risk-decisions.handler';

/** The risk service on the CQRS buses. Needs RiskDecisionRepository, RiskClockPort and RISK_LIMITS. */
export const RISK_APPLICATION_PROVIDERS: Provider[] = [
  CheckOrderRiskHandler,
  GetRiskDecisionsHandler,
];
