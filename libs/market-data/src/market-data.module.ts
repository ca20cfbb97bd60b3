import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { systemClock } from '@nexwave/core';

import { DeadLetterTradeHandler } from './application/commands/dead-letter-trade.handler';
import { PublishClosedCandlesHandler } from './application/commands/publish-closed-candles.handler';
import { RecordGapHandler } from './application/commands/record-gap.handler';
import { RefreshCandlesHandler } from './application/commands/refresh-candles.handler';
import { StoreTradesHandler } from './application/commands/store-trades.handler';
import { PublishCandleClosedHandler } from './application/events/publish-candle-closed.handler';
import { CandleAggregatesPort } from './application/ports/candle-aggregates.port';
import { ClosedCandlesPort } from './application/ports/closed-candles.port';
import { MarketDataSaga } from './application/sagas/market-data.saga';
import { CandleCloseCursor } from './domain/closed-buckets';
import { CandleCloseScheduler } from './infrastructure/candles/candle-close.scheduler';
import {
  INGESTION_EXPORTS,
  INGESTION_PROVIDERS,
} from './infrastructure/ingestion/ingestion.providers';
import { CandleRefreshScheduler } from './infrastructure/persistence/candle-refresh.scheduler';
import { CandleRefresher } from './infrastructure/persistence/candle-refresher';
import { TypeOrmClosedCandles } from './infrastructure/persistence/closed-candles.read-model';
import { MARKET_DATA_ENTITIES } from './infrastructure/persistence/market-data.entities';
import { MarketDataQueryModule } from './market-data-query.module';

/**
 * The market-data bounded context: the ingestion (a plain streaming service dispatching
 * commands), the write side's command handlers and saga, the closed-candle events and their
 * marketdata.candles.v1 messages, and the read side (MarketDataQueryModule).
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(MARKET_DATA_ENTITIES), MarketDataQueryModule],
  providers: [
    { provide: CandleAggregatesPort, useClass: CandleRefresher },
    CandleRefreshScheduler,
    { provide: ClosedCandlesPort, useClass: TypeOrmClosedCandles },
    // Starts now: a restarted process does not publish the candles its predecessor closed.
    { provide: CandleCloseCursor, useFactory: () => new CandleCloseCursor(systemClock.now()) },
    PublishClosedCandlesHandler,
    PublishCandleClosedHandler,
    CandleCloseScheduler,
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
