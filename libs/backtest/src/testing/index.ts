// Candle series for backtest specs and the bench.
export { candle, T0, walkCandle, walkCandles } from './candles';
