import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ORDERS_PROVIDERS } from './infrastructure/orders.providers';
import { ORDERS_ENTITIES } from './infrastructure/persistence/orders.entities';
import { OrderCommandsConsumer } from './interface/messages/order-commands.consumer';
import { OrderRequestsConsumer } from './interface/messages/order-requests.consumer';

/**
 * The orders bounded context: strategy requests (orders.requests.v1) and commands
 * (orders.commands.v1, REST, GraphQL) go to one set of command handlers; orders are stored before
 * they are sent, behind the circuit breaker.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(ORDERS_ENTITIES)],
  controllers: [OrderRequestsConsumer, OrderCommandsConsumer],
  providers: ORDERS_PROVIDERS,
})
export class OrdersModule {}
