import { StrategyInstanceEntity } from './strategy-instance.entity';
import { StrategySignalEntity } from './strategy-signal.entity';

/** The strategy context's TypeORM entities (TypeOrmModule.forFeature; tests give them to their DataSource). */
export const STRATEGY_ENTITIES = [StrategySignalEntity, StrategyInstanceEntity];
