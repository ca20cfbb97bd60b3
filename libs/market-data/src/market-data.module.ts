import { Module } from '@nestjs/common';

/** The market-data bounded context. Its handlers, adapters and controllers register here as they land. */
@Module({})
export class MarketDataModule {}
