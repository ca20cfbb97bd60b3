import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';

import { RequireRole } from '@nexwave/auth';

import { GetStrategyPerformanceQuery } from '../../application/queries/get-strategy-performance.query';
import { GetStrategyTradesQuery } from '../../application/queries/get-strategy-trades.query';
import { GetStrategyQuery } from '../../application/queries/get-strategy.query';
import { performanceView, tradesView } from '../http/strategies.views';
import {
  DEFAULT_TRADES_LIMIT,
  MAX_TRADES_LIMIT,
  tradesLimit,
} from '../http/strategy-trades.request';
import { StrategyPerformanceModel, StrategyTradesModel } from './strategy-performance.model';

/** A strategy's performance and trades over GraphQL: REST /api/v1/strategies/{id}/performance, /trades. */
@Resolver()
@RequireRole('read')
export class StrategyPerformanceResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => StrategyPerformanceModel, {
    description:
      'Its latest figures; before its first record zero, with null ratios and equity (NOT_FOUND when unknown)',
  })
  async strategyPerformance(
    @Args('id', { type: () => String }) id: string,
  ): Promise<StrategyPerformanceModel> {
    await this.queryBus.execute(new GetStrategyQuery(id));
    return performanceView(id, await this.queryBus.execute(new GetStrategyPerformanceQuery(id)));
  }

  @Query(() => StrategyTradesModel, {
    description: "An instance's closed round trips, newest first (NOT_FOUND when unknown)",
  })
  async strategyTrades(
    @Args('id', { type: () => String }) id: string,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_TRADES_LIMIT,
      description: `1 to ${MAX_TRADES_LIMIT}`,
    })
    limit: number,
  ): Promise<StrategyTradesModel> {
    const checked = tradesLimit(limit);
    await this.queryBus.execute(new GetStrategyQuery(id));
    return tradesView(id, await this.queryBus.execute(new GetStrategyTradesQuery(id, checked)));
  }
}
