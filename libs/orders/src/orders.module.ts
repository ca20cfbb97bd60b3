import { Module } from '@nestjs/common';

/** The orders bounded context. Its handlers, adapters and controllers register here as they land. */
@Module({})
export class OrdersModule {}
