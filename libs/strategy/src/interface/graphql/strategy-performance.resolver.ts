import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { GetStrategyPerformanceQuery } from '../../application/queries/get-strategy-performance.query';
import { GetStrategyTradesQuery } from '../../application/queries/get-strategy-trades.query';
import { performanceView, tradeView } from '../http/strategies.views';
import {
  DEFAULT_TRADES_LIMIT,
  MAX_TRADES_LIMIT,
  tradesLimit,
} from '../http/strategy-trades.request';
import { StrategyPerformanceModel, StrategyTradeModel } from './strategy-performance.model';
import { StrategyModel } from './strategy.model';

/**
 * A strategy's performance and trades as fields of Strategy (REST GET
 * /api/v1/strategies/{id}/performance and /trades): reached through the strategy queries and
 * mutations, so they carry those roles and their NOT_FOUND.
 */
@Resolver(() => StrategyModel)
export class StrategyPerformanceResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => StrategyPerformanceModel, {
    description: 'Its latest figures; before its first record zero, with null ratios and equity',
  })
  async performance(@Parent() strategy: StrategyModel): Promise<StrategyPerformanceModel> {
    const stored = await this.queryBus.execute(new GetStrategyPerformanceQuery(strategy.id));
    return performanceView(strategy.id, stored);
  }

  @ResolveField(() => [StrategyTradeModel], { description: 'Closed round trips, newest first' })
  async trades(
    @Parent() strategy: StrategyModel,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_TRADES_LIMIT,
      description: `1 to ${MAX_TRADES_LIMIT}`,
    })
    limit: number,
  ): Promise<StrategyTradeModel[]> {
    const trades = await this.queryBus.execute(
      new GetStrategyTradesQuery(strategy.id, tradesLimit(limit)),
    );
    return trades.map(tradeView);
  }
}
