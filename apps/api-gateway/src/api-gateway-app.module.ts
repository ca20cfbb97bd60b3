import { Module, type DynamicModule } from '@nestjs/common';

import type { ConfigOf } from '@nexwave/config';
import { platformImports } from '@nexwave/platform';

@Module({})
export class ApiGatewayAppModule {
  static forRoot(config: ConfigOf<'api-gateway'>): DynamicModule {
    return {
      module: ApiGatewayAppModule,
      imports: [...platformImports('api-gateway', config)],
    };
  }
}
