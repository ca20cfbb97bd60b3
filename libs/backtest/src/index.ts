// The backtester: the live strategy, risk and paper-fill domains replayed over stored candles
// (and books), in process, without I/O. See ../README.md.
export * from './domain/backtest';
export * from './domain/backtest-input';
export * from './domain/backtest.errors';
export * from './domain/candle-fill';
export * from './domain/merge-candles';
export * from './report/render-backtest-report';
export * from './domain/recorded-books';
