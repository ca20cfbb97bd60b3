import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { StrategiesResolver } from './interface/graphql/strategies.resolver';
import { StrategyPerformanceResolver } from './interface/graphql/strategy-performance.resolver';
import { StrategiesController } from './interface/http/strategies.controller';
import { StrategyCommandSender } from './interface/http/strategy-command.sender';
import { StrategyReadModule } from './strategy-read.module';

/**
 * The strategies API: instances, their signals, performance and trades over REST and GraphQL, for the api-gateway and
 * the all-in-one app. Reads go to the query handlers (StrategyReadModule, the database); pause
 * and resume go to the trading engine as strategy.commands.v1 requests through MessageBusPort
 * (the memory transport in the all-in-one app, Kafka between split apps). Needs a DataSource,
 * MessageBusPort and the auth guard.
 */
@Module({
  imports: [CqrsModule, StrategyReadModule],
  controllers: [StrategiesController],
  providers: [StrategyCommandSender, StrategiesResolver, StrategyPerformanceResolver],
})
export class StrategyQueryModule {}
