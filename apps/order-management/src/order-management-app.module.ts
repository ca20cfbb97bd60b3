import { Module, type DynamicModule } from '@nestjs/common';

import type { ConfigOf } from '@nexwave/config';
import { OrdersModule } from '@nexwave/orders';
import { exchangeEndpointsModule, platformImports } from '@nexwave/platform';

@Module({})
export class OrderManagementAppModule {
  static forRoot(config: ConfigOf<'order-management'>): DynamicModule {
    return {
      module: OrderManagementAppModule,
      imports: [
        ...platformImports('order-management', config),
        exchangeEndpointsModule(config.pacifica),
        OrdersModule,
      ],
    };
  }
}
