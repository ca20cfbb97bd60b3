import { Args, Resolver, Subscription } from '@nestjs/graphql';

import { RequireRole } from '@nexwave/auth';
import type { OrderEventV1 } from '@nexwave/messaging';

import { OrderLiveFeed } from './order-live-feed';
import { OrderUpdateModel } from './order-update.model';

/** Order events a slow subscriber may have waiting; older ones are dropped first. */
const ORDER_EVENTS_QUEUED = 200;

@Resolver(() => OrderUpdateModel)
@RequireRole('read')
export class OrderSubscriptionsResolver {
  constructor(private readonly feed: OrderLiveFeed) {}

  @Subscription(() => OrderUpdateModel, {
    description: 'Each order event as it happens (orders.events.v1): fills, cancels, rejections',
    resolve: (event: OrderEventV1) => event,
  })
  orderUpdated(
    @Args('symbol', { type: () => String, nullable: true }) symbol: string | null | undefined,
    @Args('strategyId', { type: () => String, nullable: true })
    strategyId: string | null | undefined,
    @Args('clientOrderId', { type: () => String, nullable: true })
    clientOrderId: string | null | undefined,
  ): AsyncIterableIterator<OrderEventV1> {
    return this.feed.subscribe({
      capacity: ORDER_EVENTS_QUEUED,
      accept: (event) =>
        matches(symbol, event.symbol) &&
        matches(strategyId, event.strategyId) &&
        matches(clientOrderId?.toLowerCase(), event.clientOrderId),
    });
  }
}

/** An argument left out (undefined) or given as null matches every value. */
function matches(wanted: string | null | undefined, actual: string): boolean {
  return wanted === null || wanted === undefined || wanted === actual;
}
