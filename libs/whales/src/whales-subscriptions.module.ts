import { Module } from '@nestjs/common';

import { WhaleLiveFeed } from './interface/graphql/whale-live-feed';
import { WhaleSubscriptionsResolver } from './interface/graphql/whale-subscriptions.resolver';
import { WhaleFeedConsumer } from './interface/messages/whale-feed.consumer';

/**
 * The whaleDetected subscription fed from whales.detected.v1. Only apps that serve GraphQL
 * import it (the api-gateway, the all-in-one app): the whale tracker does not consume its own
 * announcements. Each instance receives every whale (an every-instance consumer).
 */
@Module({
  controllers: [WhaleFeedConsumer],
  providers: [WhaleLiveFeed, WhaleSubscriptionsResolver],
})
export class WhalesSubscriptionsModule {}
