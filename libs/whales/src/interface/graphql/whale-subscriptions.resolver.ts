import { Args, Resolver, Subscription } from '@nestjs/graphql';

import { Decimal } from '@nexwave/core';
import type { WhaleDetectedV1 } from '@nexwave/messaging';

import { activityFilter } from '../../application/queries/activity-filter';
import { WhaleDetectedModel } from './whale-detected.model';
import { WhaleLiveFeed } from './whale-live-feed';

/** Whales a slow subscriber may have waiting; older ones are dropped first. */
const WHALES_QUEUED = 100;

@Resolver(() => WhaleDetectedModel)
export class WhaleSubscriptionsResolver {
  constructor(private readonly feed: WhaleLiveFeed) {}

  @Subscription(() => WhaleDetectedModel, {
    description: 'Each whale as it is detected (whales.detected.v1), at least minUsd notional',
    resolve: (whale: WhaleDetectedV1) => whale,
  })
  whaleDetected(
    @Args('minUsd', {
      type: () => String,
      nullable: true,
      description: 'Smallest USD notional, decimal string',
    })
    minUsd: string | null,
    @Args('symbol', { type: () => String, nullable: true, description: 'Only this symbol' })
    symbol: string | null,
  ): AsyncIterableIterator<WhaleDetectedV1> {
    const filter = activityFilter({ minUsd: minUsd ?? undefined, symbol: symbol ?? undefined });
    const least = filter.minUsd === undefined ? undefined : new Decimal(filter.minUsd);
    return this.feed.subscribe({
      capacity: WHALES_QUEUED,
      accept: (whale) =>
        (filter.symbol === undefined || whale.symbol === filter.symbol) &&
        (least === undefined || new Decimal(whale.notionalUsd).gte(least)),
    });
  }
}
