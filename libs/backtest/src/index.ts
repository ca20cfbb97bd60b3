// The backtester: the live strategy, risk and paper-fill domains replayed over stored candles
// (and books), in process, without I/O. See ../README.md.
export * from './domain/backtest';
export * from './domain/backtest-input';
export * from './domain/backtest.errors';
export * from './domain/candle-fill';
export * from './domain/merge-candles';
export * from './report/render-backtest-report';
export * from './domain/recorded-books';
export * from './domain/random-walk-candles';
export * from './optimise/evaluate';
export * from './optimise/objective';
export * from './optimise/optimise';
export * from './optimise/optimise.errors';
export * from './optimise/optimiser-pool';
export * from './optimise/parameter-space';
export * from './optimise/walk-forward';
export * from './report/render-optimise-heatmap';
