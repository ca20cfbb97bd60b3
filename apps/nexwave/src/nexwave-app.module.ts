import { Module, type DynamicModule } from '@nestjs/common';

import { BacktestingModule } from '@nexwave/backtesting';
import type { ConfigOf } from '@nexwave/config';
import { MarketDataModule, MarketDataSubscriptionsModule } from '@nexwave/market-data';
import { OrdersModule, OrdersQueryModule } from '@nexwave/orders';
import { authModule, graphqlModule, platformImports } from '@nexwave/platform';
import { RiskModule } from '@nexwave/risk';
import { StrategyModule, StrategyQueryModule } from '@nexwave/strategy';
import { WhalesModule, WhalesSubscriptionsModule } from '@nexwave/whales';

import { nexwaveExchangeModule } from './nexwave-exchange';

export const NEXWAVE_CONTEXTS = [
  MarketDataModule,
  MarketDataSubscriptionsModule,
  WhalesModule,
  WhalesSubscriptionsModule,
  StrategyModule.besideMarketDataApi(),
  StrategyQueryModule,
  RiskModule,
  OrdersModule,
  OrdersQueryModule,
  BacktestingModule,
];

@Module({})
export class NexwaveAppModule {
  static forRoot(config: ConfigOf<'nexwave'>): DynamicModule {
    return {
      module: NexwaveAppModule,
      imports: [
        ...platformImports('nexwave', config),
        authModule(config, { createFirstAdminKey: true }),
        nexwaveExchangeModule(config.pacifica),
        graphqlModule({
          development: config.app.development,
          maxSubscriptionsPerConnection: config.app.graphqlMaxSubscriptionsPerConnection,
        }),
        ...NEXWAVE_CONTEXTS,
      ],
    };
  }
}
