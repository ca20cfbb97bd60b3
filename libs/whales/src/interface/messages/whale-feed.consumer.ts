import { EventPattern, Payload } from '@nestjs/microservices';

import { MessageConsumer, Topics, type WhaleDetectedV1 } from '@nexwave/messaging';

import { WhaleLiveFeed } from '../graphql/whale-live-feed';

/**
 * Passes each announced whale to the live subscribers; nothing is stored, so no inbox.
 * Every instance of the app gets every message: each serves its own subscribers.
 */
@MessageConsumer()
export class WhaleFeedConsumer {
  constructor(private readonly feed: WhaleLiveFeed) {}

  @EventPattern(Topics.WhalesDetected, {
    idempotentBy: 'natural-key',
    consumer: 'whales-live',
    delivery: 'every-instance',
  })
  onWhale(@Payload() whale: WhaleDetectedV1): void {
    this.feed.publish(whale);
  }
}
