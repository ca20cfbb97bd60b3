import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { GetStrategyTradesQuery } from './get-strategy-trades.query';
import { PerformanceReadModelPort, type StrategyTradeView } from './performance-read-model.port';

@QueryHandler(GetStrategyTradesQuery)
export class GetStrategyTradesHandler implements IQueryHandler<
  GetStrategyTradesQuery,
  StrategyTradeView[]
> {
  constructor(private readonly readModel: PerformanceReadModelPort) {}

  execute({ strategyId, limit }: GetStrategyTradesQuery): Promise<StrategyTradeView[]> {
    return this.readModel.trades(strategyId, limit);
  }
}
