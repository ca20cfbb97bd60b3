import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { WHALES_ENTITIES } from './infrastructure/persistence/whales.entities';
import { WHALE_TRACKER_EXPORTS, WHALE_TRACKER_PROVIDERS } from './infrastructure/whales.providers';
import { WhalesQueryModule } from './whales-query.module';

/**
 * The whales bounded context: reads the order-book streams, records whale activities with their
 * whales.detected.v1 message and alerts, sends the alerts to Telegram and Discord, measures the
 * market impact, and serves the queries (WhalesQueryModule).
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(WHALES_ENTITIES), WhalesQueryModule],
  providers: WHALE_TRACKER_PROVIDERS,
  exports: WHALE_TRACKER_EXPORTS,
})
export class WhalesModule {}
