import { Module, type DynamicModule } from '@nestjs/common';

import type { ConfigOf } from '@nexwave/config';
import { exchangeEndpointsModule, platformImports } from '@nexwave/platform';
import { RiskModule } from '@nexwave/risk';
import { StrategyModule } from '@nexwave/strategy';

@Module({})
export class TradingEngineAppModule {
  static forRoot(config: ConfigOf<'trading-engine'>): DynamicModule {
    return {
      module: TradingEngineAppModule,
      imports: [
        ...platformImports('trading-engine', config),
        exchangeEndpointsModule(config.pacifica),
        StrategyModule,
        RiskModule,
      ],
    };
  }
}
