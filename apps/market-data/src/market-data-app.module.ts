import { Module, type DynamicModule } from '@nestjs/common';

import type { ConfigOf } from '@nexwave/config';
import { MarketDataModule } from '@nexwave/market-data';
import { exchangeEndpointsModule, platformImports } from '@nexwave/platform';

@Module({})
export class MarketDataAppModule {
  static forRoot(config: ConfigOf<'market-data'>): DynamicModule {
    return {
      module: MarketDataAppModule,
      imports: [
        ...platformImports('market-data', config),
        exchangeEndpointsModule(config.pacifica),
        MarketDataModule,
      ],
    };
  }
}
