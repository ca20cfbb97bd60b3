import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { STRATEGY_ENTITIES } from './infrastructure/persistence/strategy.entities';
import {
  MARKET_DATA_API_IN_THIS_APP,
  STRATEGY_PROVIDERS,
} from './infrastructure/strategy.providers';
import { StrategyCommandsConsumer } from './interface/messages/strategy-commands.consumer';
import { StrategyInputsConsumer } from './interface/messages/strategy-inputs.consumer';
import { StrategyReadModule } from './strategy-read.module';

/**
 * The strategy bounded context: the configured strategy instance runs on each closed candle
 * (marketdata.candles.v1) and whale (whales.detected.v1); its signals are sized, checked by risk,
 * stored in strategy_signals and, approved, sent as orders.requests.v1 through the outbox; its
 * positions and equity follow its orders' events (orders.events.v1). strategy.commands.v1 pauses
 * (exits only) and resumes it; its state is kept in strategy_instances across restarts.
 */
@Module({
  imports: [CqrsModule, StrategyReadModule, TypeOrmModule.forFeature(STRATEGY_ENTITIES)],
  controllers: [StrategyInputsConsumer, StrategyCommandsConsumer],
  providers: STRATEGY_PROVIDERS,
})
export class StrategyModule {
  /**
   * For an app that also serves market-data's REST API (the all-in-one): unless
   * MARKET_DATA_API_URL names another, the strategy warms up from this app's own HTTP server.
   */
  static besideMarketDataApi(): DynamicModule {
    return {
      module: StrategyModule,
      providers: [{ provide: MARKET_DATA_API_IN_THIS_APP, useValue: true }],
    };
  }
}
