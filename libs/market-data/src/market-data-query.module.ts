import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';

import { CandleReadModelPort } from './application/queries/candle-read-model.port';
import { GetCandlesHandler } from './application/queries/get-candles.handler';
import { GetLatestPricesHandler } from './application/queries/get-latest-prices.handler';
import { ListSymbolsHandler } from './application/queries/list-symbols.handler';
import { ClosedCandleCache } from './domain/closed-candle-cache';
import { CachedCandleReadModel } from './infrastructure/persistence/cached-candles.read-model';
import { TypeOrmCandleReadModel } from './infrastructure/persistence/candles.read-model';
import { CandlesResolver } from './interface/graphql/candles.resolver';
import { MarketDataController } from './interface/http/market-data.controller';

/** Without an app config (a test module): CANDLE_CACHE_CANDLES' default. */
const DEFAULT_CANDLE_CACHE = 200_000;

/**
 * The read side of market data: candles, prices and symbols over REST and GraphQL. Needs a
 * TypeORM DataSource in the app; the api-gateway imports only this.
 */
@Module({
  imports: [CqrsModule],
  controllers: [MarketDataController],
  providers: [
    {
      provide: CandleReadModelPort,
      inject: [DataSource, { token: APP_CONFIG, optional: true }],
      useFactory: (dataSource: DataSource, config?: Pick<AppConfig, 'candleApi'>) =>
        new CachedCandleReadModel(
          new TypeOrmCandleReadModel(dataSource),
          new ClosedCandleCache(config?.candleApi.cacheCandles ?? DEFAULT_CANDLE_CACHE),
          systemClock,
        ),
    },
    GetCandlesHandler,
    GetLatestPricesHandler,
    ListSymbolsHandler,
    CandlesResolver,
  ],
})
export class MarketDataQueryModule {}
