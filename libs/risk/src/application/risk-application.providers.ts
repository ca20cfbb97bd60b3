import type { Provider } from '@nestjs/common';
import { Registry } from 'prom-client';

import { CheckOrderRiskHandler } from './commands/check-order-risk.handler';
import { CountRiskRejectionsHandler } from './events/count-risk-rejections.handler';
import { GetRiskDecisionsHandler } from './queries/get-risk-decisions.handler';
import { RiskMetrics } from './risk.metrics';

/**
 * The risk service on the CQRS buses. Needs RiskDecisionRepository, RiskClockPort and
 * RISK_LIMITS; its metrics go on the app's prom-client Registry when there is one.
 */
export const RISK_APPLICATION_PROVIDERS: Provider[] = [
  CheckOrderRiskHandler,
  GetRiskDecisionsHandler,
  CountRiskRejectionsHandler,
  {
    provide: RiskMetrics,
    useFactory: (registry?: Registry) => new RiskMetrics(registry),
    inject: [{ token: Registry, optional: true }],
  },
];
