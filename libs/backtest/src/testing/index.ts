// Candle series for backtest specs and the bench.
export { walkCandle } from '../domain/random-walk-candles';
export { candle, T0, walkCandles } from './candles';
