import type { Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { RiskDecisionRepository } from '../../application/ports/risk-decision.repository.port';
import { RiskDailyLossEntity } from './risk-daily-loss.entity';
import { RiskDecisionEntity } from './risk-decision.entity';
import { TypeOrmRiskDecisionRepository } from './typeorm-risk-decision.repository';

/** The risk repository bound to its port. Needs TypeOrmModule.forFeature(RISK_ENTITIES). */
export const riskPersistenceProviders: Provider[] = [
  {
    provide: RiskDecisionRepository,
    useFactory: (
      decisions: Repository<RiskDecisionEntity>,
      days: Repository<RiskDailyLossEntity>,
    ) => new TypeOrmRiskDecisionRepository(decisions, days),
    inject: [getRepositoryToken(RiskDecisionEntity), getRepositoryToken(RiskDailyLossEntity)],
  },
];
