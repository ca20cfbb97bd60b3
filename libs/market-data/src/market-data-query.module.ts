import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { CandleReadModelPort } from './application/queries/candle-read-model.port';
import { GetCandlesHandler } from './application/queries/get-candles.handler';
import { GetLatestPricesHandler } from './application/queries/get-latest-prices.handler';
import { ListSymbolsHandler } from './application/queries/list-symbols.handler';
import { TypeOrmCandleReadModel } from './infrastructure/persistence/candles.read-model';
import { CandlesResolver } from './interface/graphql/candles.resolver';
import { MarketDataController } from './interface/http/market-data.controller';

/**
 * The read side of market data: candles, prices and symbols over REST and GraphQL. Needs a
 * TypeORM DataSource in the app; the api-gateway imports only this.
 */
@Module({
  imports: [CqrsModule],
  controllers: [MarketDataController],
  providers: [
    { provide: CandleReadModelPort, useClass: TypeOrmCandleReadModel },
    GetCandlesHandler,
    GetLatestPricesHandler,
    ListSymbolsHandler,
    CandlesResolver,
  ],
})
export class MarketDataQueryModule {}
