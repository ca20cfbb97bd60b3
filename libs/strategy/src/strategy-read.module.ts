import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';

import { StrategyInstanceRepository } from './application/ports/strategy-instance.repository.port';
import { STRATEGY_ENTITIES } from './infrastructure/persistence/strategy.entities';
import { STRATEGY_READ_PROVIDERS } from './infrastructure/strategy-read.providers';

/**
 * The strategy tables behind their read ports, and the query handlers that read them. Imported
 * by both StrategyModule (the engine) and StrategyQueryModule (the API), so an app with both
 * registers each query handler once. Needs only a DataSource.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(STRATEGY_ENTITIES)],
  providers: STRATEGY_READ_PROVIDERS,
  exports: [StrategyInstanceRepository],
})
export class StrategyReadModule {}
