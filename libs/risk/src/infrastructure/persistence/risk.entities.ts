import { RiskDailyLossEntity } from './risk-daily-loss.entity';
import { RiskDecisionEntity } from './risk-decision.entity';

/** The risk context's TypeORM entities (TypeOrmModule.forFeature; tests give them to their DataSource). */
export const RISK_ENTITIES = [RiskDecisionEntity, RiskDailyLossEntity];
