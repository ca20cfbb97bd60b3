import { Resolver, Subscription } from '@nestjs/graphql';

import { RequireRole } from '@nexwave/auth';
import type { BreakerChangedV1 } from '@nexwave/messaging';

import { BreakerChangeModel } from './breaker-change.model';
import { BreakerLiveFeed } from './breaker-live-feed';

/** Breaker changes a slow subscriber may have waiting; older ones are dropped first. */
const BREAKER_CHANGES_QUEUED = 50;

@Resolver(() => BreakerChangeModel)
@RequireRole('read')
export class BreakerSubscriptionsResolver {
  constructor(private readonly feed: BreakerLiveFeed) {}

  @Subscription(() => BreakerChangeModel, {
    description:
      'Each change of the circuit breaker as it happens (orders.breaker.v1): trips, probes, recoveries, halts, resumes',
    resolve: (change: BreakerChangedV1) => change,
  })
  circuitBreakerChanged(): AsyncIterableIterator<BreakerChangedV1> {
    return this.feed.subscribe({ capacity: BREAKER_CHANGES_QUEUED });
  }
}
