import { Module } from '@nestjs/common';

import {
  INGESTION_EXPORTS,
  INGESTION_PROVIDERS,
} from './infrastructure/ingestion/ingestion.providers';
import { CandleRefreshScheduler } from './infrastructure/persistence/candle-refresh.scheduler';
import { CandleRefresher } from './infrastructure/persistence/candle-refresher';
import { MarketDataQueryModule } from './market-data-query.module';

/** The market-data bounded context. Its handlers, adapters and controllers register here as they land. */
@Module({
  imports: [MarketDataQueryModule],
  providers: [CandleRefresher, CandleRefreshScheduler, ...INGESTION_PROVIDERS],
  exports: [...INGESTION_EXPORTS],
})
export class MarketDataModule {}
