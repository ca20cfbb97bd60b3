import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { DeadLetterTradeHandler } from './application/commands/dead-letter-trade.handler';
import { RecordGapHandler } from './application/commands/record-gap.handler';
import { RefreshCandlesHandler } from './application/commands/refresh-candles.handler';
import { StoreTradesHandler } from './application/commands/store-trades.handler';
import { CandleAggregatesPort } from './application/ports/candle-aggregates.port';
import { MarketDataSaga } from './application/sagas/market-data.saga';
import {
  INGESTION_EXPORTS,
  INGESTION_PROVIDERS,
} from './infrastructure/ingestion/ingestion.providers';
import { CandleRefreshScheduler } from './infrastructure/persistence/candle-refresh.scheduler';
import { CandleRefresher } from './infrastructure/persistence/candle-refresher';
import { MARKET_DATA_ENTITIES } from './infrastructure/persistence/market-data.entities';
import { MarketDataQueryModule } from './market-data-query.module';

/**
 * The market-data bounded context: the ingestion (a plain streaming service dispatching
 * commands), the write side's command handlers and saga, and the read side (MarketDataQueryModule).
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(MARKET_DATA_ENTITIES), MarketDataQueryModule],
  providers: [
    { provide: CandleAggregatesPort, useClass: CandleRefresher },
    CandleRefreshScheduler,
    StoreTradesHandler,
    DeadLetterTradeHandler,
    RecordGapHandler,
    RefreshCandlesHandler,
    MarketDataSaga,
    ...INGESTION_PROVIDERS,
  ],
  exports: [...INGESTION_EXPORTS],
})
export class MarketDataModule {}
