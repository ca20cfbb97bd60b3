import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { CircuitBreakerResolver } from './interface/graphql/circuit-breaker.resolver';
import { OrdersResolver } from './interface/graphql/orders.resolver';
import { CircuitBreakerController } from './interface/http/circuit-breaker.controller';
import { OrdersCommandSender } from './interface/http/orders-command.sender';
import { OrdersController } from './interface/http/orders.controller';
import { PositionsController } from './interface/http/positions.controller';

/**
 * The orders API: orders, positions and the circuit breaker over REST and GraphQL. Reads go to
 * the query handlers (the database); writes go to order management as orders.commands.v1
 * requests through MessageBusPort, so the api-gateway imports only this, and the all-in-one app
 * reaches its own OrdersModule through the memory transport.
 */
@Module({
  imports: [CqrsModule],
  controllers: [OrdersController, PositionsController, CircuitBreakerController],
  providers: [OrdersCommandSender, OrdersResolver, CircuitBreakerResolver],
})
export class OrdersQueryModule {}
