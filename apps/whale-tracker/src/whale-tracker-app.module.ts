import { Module, type DynamicModule } from '@nestjs/common';

import type { ConfigOf } from '@nexwave/config';
import { exchangeEndpointsModule, platformImports } from '@nexwave/platform';
import { WhalesModule } from '@nexwave/whales';

@Module({})
export class WhaleTrackerAppModule {
  static forRoot(config: ConfigOf<'whale-tracker'>): DynamicModule {
    return {
      module: WhaleTrackerAppModule,
      imports: [
        ...platformImports('whale-tracker', config),
        exchangeEndpointsModule(config.pacifica),
        WhalesModule,
      ],
    };
  }
}
