import { Module, type DynamicModule } from '@nestjs/common';

import type { ConfigOf } from '@nexwave/config';
import { MarketDataQueryModule } from '@nexwave/market-data';
import { graphqlModule, platformImports } from '@nexwave/platform';
import { WhalesQueryModule } from '@nexwave/whales';

@Module({})
export class ApiGatewayAppModule {
  static forRoot(config: ConfigOf<'api-gateway'>): DynamicModule {
    return {
      module: ApiGatewayAppModule,
      imports: [
        ...platformImports('api-gateway', config),
        graphqlModule({ development: config.app.development }),
        MarketDataQueryModule,
        WhalesQueryModule,
      ],
    };
  }
}
