import { Module } from '@nestjs/common';

import { OrdersQueryModule } from './orders-query.module';

/** The orders bounded context. Its handlers, adapters and controllers register here as they land. */
@Module({ imports: [OrdersQueryModule] })
export class OrdersModule {}
