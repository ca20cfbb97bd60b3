import { StrategyEquityPointEntity } from './strategy-equity-point.entity';
import { StrategyInstanceEntity } from './strategy-instance.entity';
import { StrategyPerformanceEntity } from './strategy-performance.entity';
import { StrategySignalEntity } from './strategy-signal.entity';
import { StrategyTradeEntity } from './strategy-trade.entity';

/** The strategy context's TypeORM entities (TypeOrmModule.forFeature; tests give them to their DataSource). */
export const STRATEGY_ENTITIES = [
  StrategySignalEntity,
  StrategyInstanceEntity,
  StrategyPerformanceEntity,
  StrategyTradeEntity,
  StrategyEquityPointEntity,
];
