import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { ORDERS_PROVIDERS } from './infrastructure/orders.providers';
import { OrderCommandsConsumer } from './interface/messages/order-commands.consumer';
import { OrderRequestsConsumer } from './interface/messages/order-requests.consumer';
import { OrdersReadModule } from './orders-read.module';

/**
 * The orders bounded context: strategy requests (orders.requests.v1) and commands
 * (orders.commands.v1, REST, GraphQL) go to one set of command handlers; orders are stored before
 * they are sent, behind the circuit breaker.
 */
@Module({
  imports: [CqrsModule, OrdersReadModule],
  controllers: [OrderRequestsConsumer, OrderCommandsConsumer],
  providers: ORDERS_PROVIDERS,
})
export class OrdersModule {}
