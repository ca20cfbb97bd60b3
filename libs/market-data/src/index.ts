// The market-data context's public surface: its modules, the closed-candle event, its queries with
// their results and the candle vocabulary. Internals for benches and tests: @nexwave/market-data/testing.
export * from './market-data.module';
export * from './market-data-query.module';
export * from './market-data-subscriptions.module';
export { CandleClosedEvent } from './application/events/candle-closed.event';
export type { Candle, LatestPrice } from './application/queries/candle-read-model.port';
export * from './application/queries/get-candles.query';
export * from './application/queries/get-latest-prices.query';
export * from './application/queries/list-symbols.query';
export * from './domain/timeframe';
export * from './domain/candles.errors';
// Replays of stored trades and recorded books (the backtest engine reads them through the port).
export {
  MarketHistoryPort,
  type MarketEvent,
  type MarketHistoryQuery,
} from './application/ports/market-history.port';
export type { BookSnapshot, RecordedLevel } from './domain/book-snapshot';
export type { Tick } from './domain/tick';
export { TypeOrmMarketHistory } from './infrastructure/persistence/typeorm-market-history';
// The candle views read directly (the backtest runner loads a period with it).
export { TypeOrmCandleReadModel } from './infrastructure/persistence/candles.read-model';
