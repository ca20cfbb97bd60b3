import { EventPattern, Payload } from '@nestjs/microservices';

import { MessageConsumer, Topics, type OrderEventV1 } from '@nexwave/messaging';

import { OrderLiveFeed } from '../graphql/order-live-feed';

/**
 * Passes each order event to the live subscribers; nothing is stored, so no inbox.
 * Every instance of the app gets every message: each serves its own subscribers.
 */
@MessageConsumer()
export class OrderFeedConsumer {
  constructor(private readonly feed: OrderLiveFeed) {}

  @EventPattern(Topics.OrdersEvents, {
    idempotentBy: 'natural-key',
    consumer: 'orders-live',
    delivery: 'every-instance',
  })
  onOrderEvent(@Payload() event: OrderEventV1): void {
    this.feed.publish(event);
  }
}
