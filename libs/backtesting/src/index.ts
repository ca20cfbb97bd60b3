// Backtest runs: requests validated, candles loaded from the database, replayed by
// @nexwave/backtest, stored in backtest_runs and served over REST and GraphQL. See ../README.md.
export * from './domain/backtest-request';
export * from './domain/backtest-run';
export * from './domain/backtesting.errors';
export * from './application/backtest-runner';
export * from './application/ports/backtest-data.port';
export * from './application/ports/backtest-run.repository';
export * from './infrastructure/data/stored-backtest-data.adapter';
export * from './infrastructure/persistence/backtest-run.entity';
export * from './infrastructure/persistence/typeorm-backtest-run.repository';
export * from './backtesting.module';
export * from './application/load-backtest-data';
