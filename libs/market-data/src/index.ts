// The market-data context's public surface: its modules, the closed-candle event, its queries with
// their results and the candle vocabulary. Internals for benches and tests: @nexwave/market-data/testing.
export * from './market-data.module';
export * from './market-data-query.module';
export { CandleClosedEvent } from './application/events/candle-closed.event';
export type { Candle, LatestPrice } from './application/queries/candle-read-model.port';
export * from './application/queries/get-candles.query';
export * from './application/queries/get-latest-prices.query';
export * from './application/queries/list-symbols.query';
export * from './domain/timeframe';
export * from './domain/candles.errors';
