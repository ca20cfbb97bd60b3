import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';

import { DEFAULT_WHALE_LIMIT, MAX_WHALE_LIMIT } from '../../application/queries/activity-filter';
import { GetWhaleImpactQuery } from '../../application/queries/get-whale-impact.query';
import { ListWhaleActivitiesQuery } from '../../application/queries/list-whale-activities.query';
import type {
  WhaleActivityView,
  WhaleImpactAverage,
} from '../../application/queries/whale-read-model.port';
import type { WhaleKind } from '../../domain/whale-candidate';
import { WhaleActivityModel, WhaleImpactAverageModel } from './whale-activity.model';
import { WhaleKindEnum } from './whale-kind.enum';

@Resolver(() => WhaleActivityModel)
export class WhalesResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [WhaleActivityModel], {
    nullable: true,
    description: 'Whale activities, newest first (the same data as REST /api/v1/whales)',
  })
  whaleActivities(
    @Args('symbol', {
      type: () => String,
      nullable: true,
      description: 'Case-sensitive, e.g. BTC or kBONK',
    })
    symbol: string | null,
    @Args('since', {
      type: () => Date,
      nullable: true,
      description: 'Detected at or after',
    })
    since: Date | null,
    @Args('minUsd', {
      type: () => String,
      nullable: true,
      description: 'Smallest USD notional, decimal string',
    })
    minUsd: string | null,
    @Args('kind', { type: () => WhaleKindEnum, nullable: true }) kind: WhaleKind | null,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_WHALE_LIMIT,
      description: `1 to ${MAX_WHALE_LIMIT}`,
    })
    limit: number,
    @Args('offset', { type: () => Int, nullable: true, description: 'Skipped, default 0' })
    offset: number | null,
  ): Promise<WhaleActivityView[]> {
    return this.queryBus.execute(
      new ListWhaleActivitiesQuery({
        symbol: symbol ?? undefined,
        since: since ?? undefined,
        minUsd: minUsd ?? undefined,
        kind: kind ?? undefined,
        limit,
        offset: offset ?? undefined,
      }),
    );
  }

  @Query(() => [WhaleImpactAverageModel], {
    nullable: true,
    description: 'Average market impact per symbol and kind (REST /api/v1/whales/impact)',
  })
  whaleImpact(
    @Args('symbol', { type: () => String, nullable: true }) symbol: string | null,
    @Args('since', { type: () => Date, nullable: true }) since: Date | null,
  ): Promise<WhaleImpactAverage[]> {
    return this.queryBus.execute(
      new GetWhaleImpactQuery({ symbol: symbol ?? undefined, since: since ?? undefined }),
    );
  }
}
