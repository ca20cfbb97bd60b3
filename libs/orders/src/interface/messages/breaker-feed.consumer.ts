import { EventPattern, Payload } from '@nestjs/microservices';

import { MessageConsumer, Topics, type BreakerChangedV1 } from '@nexwave/messaging';

import { BreakerLiveFeed } from '../graphql/breaker-live-feed';

/**
 * Passes each breaker change to the live subscribers; nothing is stored, so no inbox.
 * Every instance of the app gets every message: each serves its own subscribers.
 */
@MessageConsumer()
export class BreakerFeedConsumer {
  constructor(private readonly feed: BreakerLiveFeed) {}

  @EventPattern(Topics.OrdersBreaker, {
    idempotentBy: 'natural-key',
    consumer: 'breaker-live',
    delivery: 'every-instance',
  })
  onBreakerChanged(@Payload() change: BreakerChangedV1): void {
    this.feed.publish(change);
  }
}
