import type { Provider } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';

import { RISK_LIMITS } from '../application/commands/risk-limits.token';
import { RiskClockPort } from '../application/ports/risk-clock.port';
import { RISK_APPLICATION_PROVIDERS } from '../application/risk-application.providers';
import type { RiskLimits } from '../domain/risk-limits';
import { riskPersistenceProviders } from './persistence/risk-persistence.providers';

/**
 * The risk context's wiring: its handlers, repository, clock and the limits from the config
 * (MAX_POSITION_SIZE_USD, MAX_LEVERAGE, DAILY_LOSS_LIMIT_PCT, MIN/MAX_ORDER_SIZE_USD).
 * Needs from the app: a DataSource with RISK_ENTITIES.
 */
export const RISK_PROVIDERS: Provider[] = [
  { provide: RiskClockPort, useValue: systemClock },
  {
    provide: RISK_LIMITS,
    useFactory: (config: Pick<AppConfig, 'risk'>): RiskLimits => config.risk,
    inject: [APP_CONFIG],
  },
  ...riskPersistenceProviders,
  ...RISK_APPLICATION_PROVIDERS,
];
