import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { GetStrategyPerformanceHandler } from '../application/queries/get-strategy-performance.handler';
import { GetStrategyTradesHandler } from '../application/queries/get-strategy-trades.handler';
import { PerformanceReadModelPort } from '../application/queries/performance-read-model.port';
import { SqlPerformanceReadModel } from './persistence/sql-performance-read-model';

/**
 * The strategy context's query side, for any process (the engine need not run there): needs only
 * a DataSource and a CqrsModule.
 */
export const STRATEGY_QUERY_PROVIDERS: Provider[] = [
  GetStrategyPerformanceHandler,
  GetStrategyTradesHandler,
  {
    provide: PerformanceReadModelPort,
    useFactory: (dataSource: DataSource) => new SqlPerformanceReadModel(dataSource),
    inject: [DataSource],
  },
];
