export * from './strategy.module';
export * from './strategy-query.module';
export * from './strategy-read.module';
export * from './domain/strategy';
export * from './domain/strategy-definition';
export * from './domain/strategy-registry';
export * from './domain/strategy.errors';
export * from './domain/performance';
export * from './domain/strategies/mean-reversion';
export * from './domain/strategies/ma-crossover';
export type { Indicator } from './domain/indicators/indicator';
export { RollingMean } from './domain/indicators/rolling-mean';
export { type MeanAndStdDev, RollingStdDev } from './domain/indicators/rolling-std-dev';
export { Ema } from './domain/indicators/ema';
export { Rsi } from './domain/indicators/rsi';
export { Atr, type PriceRange } from './domain/indicators/atr';
export * from './application/commands/evaluate-candle.command';
export * from './application/commands/apply-order-event.command';
export * from './application/commands/observe-whale.command';
export * from './application/commands/pause-strategy.command';
export * from './application/commands/resume-strategy.command';
export * from './application/queries/get-strategies.query';
export * from './application/queries/get-strategy.query';
export * from './application/queries/get-strategy-signals.query';
export * from './application/ports/strategy-instance.repository.port';
export * from './application/ports/signal-history.port';
export * from './domain/engine/strategy-control';
export * from './application/commands/retry-pending-signals.command';
export { StrategyClockPort } from './application/ports/strategy-clock.port';
export { StrategyStartUp } from './infrastructure/strategy-start-up';
export * from './application/ports/signal.repository.port';
export * from './application/ports/risk-check.port';
export * from './application/ports/market-lots.port';
export { signalClientOrderId } from './domain/engine/signal-client-order-id';
export * from './application/queries/get-strategy-performance.query';
export * from './application/queries/get-strategy-trades.query';
export type {
  StrategyPerformanceView,
  StrategyTradeView,
} from './application/queries/performance-read-model.port';
// The pure engine pieces the backtester (@nexwave/backtest) runs exactly as the live engine does.
export {
  StrategyBook,
  type OrderApplied,
  type OrderProgress,
  type RoundTrip,
} from './domain/engine/strategy-book';
export { sizeToLot } from './domain/engine/lot-size';
