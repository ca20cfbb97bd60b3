import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { systemClock } from '@nexwave/core';
import { PACIFICA_ENDPOINTS, PacificaRestClient, type PacificaEndpoints } from '@nexwave/pacifica';

import { BacktestRunner } from './application/backtest-runner';
import { BacktestRunsService } from './application/backtest-runs.service';
import { BacktestDataPort } from './application/ports/backtest-data.port';
import { BacktestRunRepository } from './application/ports/backtest-run.repository';
import { StoredBacktestDataAdapter } from './infrastructure/data/stored-backtest-data.adapter';
import { BACKTESTING_ENTITIES } from './infrastructure/persistence/backtest-run.entity';
import { TypeOrmBacktestRunRepository } from './infrastructure/persistence/typeorm-backtest-run.repository';
import { BacktestsResolver } from './interface/graphql/backtests.resolver';
import { BacktestsController } from './interface/http/backtests.controller';

/**
 * Backtests over REST and GraphQL: runs started in this process (in the background, yielding to
 * the event loop between chunks of candles) and stored in backtest_runs. Needs a DataSource, the
 * exchange's endpoints (PACIFICA_ENDPOINTS, for lot and tick sizes) and the auth guard.
 */
@Module({
  imports: [TypeOrmModule.forFeature(BACKTESTING_ENTITIES)],
  controllers: [BacktestsController],
  providers: [
    {
      provide: BacktestRunRepository,
      useFactory: (dataSource: DataSource) => new TypeOrmBacktestRunRepository(dataSource),
      inject: [DataSource],
    },
    {
      provide: BacktestDataPort,
      useFactory: (dataSource: DataSource, endpoints: PacificaEndpoints) =>
        new StoredBacktestDataAdapter(
          dataSource,
          new PacificaRestClient({ baseUrl: endpoints.restUrl }),
        ),
      inject: [DataSource, PACIFICA_ENDPOINTS],
    },
    {
      provide: BacktestRunner,
      useFactory: (data: BacktestDataPort, runs: BacktestRunRepository) =>
        new BacktestRunner(data, runs, systemClock),
      inject: [BacktestDataPort, BacktestRunRepository],
    },
    {
      provide: BacktestRunsService,
      useFactory: (runner: BacktestRunner, runs: BacktestRunRepository) =>
        new BacktestRunsService(runner, runs),
      inject: [BacktestRunner, BacktestRunRepository],
    },
    BacktestsResolver,
  ],
})
export class BacktestingModule {}
