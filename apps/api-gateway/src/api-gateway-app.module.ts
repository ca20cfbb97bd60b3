import { Module, type DynamicModule } from '@nestjs/common';

import { BacktestingModule } from '@nexwave/backtesting';
import type { ConfigOf } from '@nexwave/config';
import { MarketDataQueryModule, MarketDataSubscriptionsModule } from '@nexwave/market-data';
import { OrdersQueryModule } from '@nexwave/orders';
import {
  authModule,
  exchangeEndpointsModule,
  graphqlModule,
  platformImports,
} from '@nexwave/platform';
import { StrategyQueryModule } from '@nexwave/strategy';
import { WhalesQueryModule, WhalesSubscriptionsModule } from '@nexwave/whales';

/**
 * The read side of each context: its REST controllers and GraphQL resolvers register with it;
 * the live feeds of the GraphQL subscriptions.
 */
export const API_GATEWAY_CONTEXTS = [
  MarketDataQueryModule,
  MarketDataSubscriptionsModule,
  WhalesQueryModule,
  WhalesSubscriptionsModule,
  OrdersQueryModule,
  StrategyQueryModule,
  BacktestingModule,
];

@Module({})
export class ApiGatewayAppModule {
  static forRoot(config: ConfigOf<'api-gateway'>): DynamicModule {
    return {
      module: ApiGatewayAppModule,
      imports: [
        ...platformImports('api-gateway', config),
        authModule(config),
        exchangeEndpointsModule(config.pacifica),
        graphqlModule({
          development: config.app.development,
          maxSubscriptionsPerConnection: config.app.graphqlMaxSubscriptionsPerConnection,
        }),
        ...API_GATEWAY_CONTEXTS,
      ],
    };
  }
}
