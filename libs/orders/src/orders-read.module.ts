import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ORDERS_QUERY_HANDLERS } from './application/orders-application.providers';
import { BreakerRepository } from './application/ports/breaker.repository.port';
import { OrderRepository } from './application/ports/order.repository.port';
import { PositionRepository } from './application/ports/position.repository.port';
import { ordersPersistenceProviders } from './infrastructure/persistence/orders-persistence.providers';
import { ORDERS_ENTITIES } from './infrastructure/persistence/orders.entities';

/**
 * The orders tables behind their ports, and the query handlers that read them. Imported by both
 * OrdersModule (the write side) and OrdersQueryModule (the API), so an app with both registers
 * each query handler once. Needs a DataSource and OutboxWriter from the app.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(ORDERS_ENTITIES)],
  providers: [...ordersPersistenceProviders, ...ORDERS_QUERY_HANDLERS],
  exports: [OrderRepository, PositionRepository, BreakerRepository],
})
export class OrdersReadModule {}
