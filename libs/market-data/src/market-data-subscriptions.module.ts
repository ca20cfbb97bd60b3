import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { StreamPort } from '@nexwave/messaging';

import { LiveCandles } from './infrastructure/live/live-candles';
import { CandleSubscriptionsResolver } from './interface/graphql/candle-subscriptions.resolver';

/**
 * The candleUpdated subscription, read from the trade streams. Only apps that serve GraphQL
 * import it (the api-gateway, the all-in-one app), beside MarketDataQueryModule (the symbols).
 */
@Module({
  imports: [CqrsModule],
  providers: [
    {
      provide: LiveCandles,
      useFactory: (streams: StreamPort) => new LiveCandles(streams),
      inject: [StreamPort],
    },
    CandleSubscriptionsResolver,
  ],
})
export class MarketDataSubscriptionsModule {}
