import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { GetStrategyPerformanceQuery } from './get-strategy-performance.query';
import {
  PerformanceReadModelPort,
  type StrategyPerformanceView,
} from './performance-read-model.port';

@QueryHandler(GetStrategyPerformanceQuery)
export class GetStrategyPerformanceHandler implements IQueryHandler<
  GetStrategyPerformanceQuery,
  StrategyPerformanceView | null
> {
  constructor(private readonly readModel: PerformanceReadModelPort) {}

  execute({ strategyId }: GetStrategyPerformanceQuery): Promise<StrategyPerformanceView | null> {
    return this.readModel.performance(strategyId);
  }
}
