import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { BreakerLiveFeed } from './interface/graphql/breaker-live-feed';
import { BreakerSubscriptionsResolver } from './interface/graphql/breaker-subscriptions.resolver';
import { CircuitBreakerResolver } from './interface/graphql/circuit-breaker.resolver';
import { OrderLiveFeed } from './interface/graphql/order-live-feed';
import { OrderSubscriptionsResolver } from './interface/graphql/order-subscriptions.resolver';
import { OrdersResolver } from './interface/graphql/orders.resolver';
import { CircuitBreakerController } from './interface/http/circuit-breaker.controller';
import { OrdersCommandSender } from './interface/http/orders-command.sender';
import { OrdersController } from './interface/http/orders.controller';
import { PositionsController } from './interface/http/positions.controller';
import { BreakerFeedConsumer } from './interface/messages/breaker-feed.consumer';
import { OrderFeedConsumer } from './interface/messages/order-feed.consumer';
import { OrdersReadModule } from './orders-read.module';

/**
 * The orders API: orders, positions and the circuit breaker over REST and GraphQL, for the
 * api-gateway and the all-in-one app (order-management serves none). Reads go to the query
 * handlers (OrdersReadModule, the database); writes go to order management as
 * orders.commands.v1 requests through MessageBusPort (the memory transport in the all-in-one
 * app, Kafka between split apps). The orderUpdated subscription reads orders.events.v1,
 * circuitBreakerChanged orders.breaker.v1 (each instance every message).
 * Needs a DataSource, OutboxWriter and the auth guard.
 */
@Module({
  imports: [CqrsModule, OrdersReadModule],
  controllers: [
    OrdersController,
    PositionsController,
    CircuitBreakerController,
    OrderFeedConsumer,
    BreakerFeedConsumer,
  ],
  providers: [
    OrdersCommandSender,
    OrdersResolver,
    CircuitBreakerResolver,
    OrderLiveFeed,
    OrderSubscriptionsResolver,
    BreakerLiveFeed,
    BreakerSubscriptionsResolver,
  ],
})
export class OrdersQueryModule {}
