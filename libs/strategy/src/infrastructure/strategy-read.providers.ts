import type { Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';

import { SignalHistory } from '../application/ports/signal-history.port';
import { StrategyInstanceRepository } from '../application/ports/strategy-instance.repository.port';
import { PerformanceReadModelPort } from '../application/queries/performance-read-model.port';
import { STRATEGY_QUERY_HANDLERS } from '../application/strategy-application.providers';
import { SqlPerformanceReadModel } from './persistence/sql-performance-read-model';
import { StrategyInstanceEntity } from './persistence/strategy-instance.entity';
import { StrategySignalEntity } from './persistence/strategy-signal.entity';
import { TypeOrmSignalHistory } from './persistence/typeorm-signal-history';
import { TypeOrmStrategyInstanceRepository } from './persistence/typeorm-strategy-instance.repository';

/** The strategy tables' read side and the query handlers: a DataSource is all they need. */
export const STRATEGY_READ_PROVIDERS: Provider[] = [
  ...STRATEGY_QUERY_HANDLERS,
  {
    provide: StrategyInstanceRepository,
    useFactory: (instances: Repository<StrategyInstanceEntity>) =>
      new TypeOrmStrategyInstanceRepository(instances),
    inject: [getRepositoryToken(StrategyInstanceEntity)],
  },
  {
    provide: SignalHistory,
    useFactory: (signals: Repository<StrategySignalEntity>) => new TypeOrmSignalHistory(signals),
    inject: [getRepositoryToken(StrategySignalEntity)],
  },
  {
    provide: PerformanceReadModelPort,
    useFactory: (dataSource: DataSource) => new SqlPerformanceReadModel(dataSource),
    inject: [DataSource],
  },
];
