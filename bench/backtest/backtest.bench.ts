// Candles/s of the backtester (@nexwave/backtest): mean_reversion on one symbol over a year of 1m
// candles (525,600, a seeded random walk), single-threaded, candle fill model. The candles are
// generated before the clock starts. Run by `npm run bench backtest`.
import { runBacktest, type BacktestResult } from '@nexwave/backtest';
import { walkCandles } from '@nexwave/backtest/testing';

const SEED = 20261130;
const CANDLES = 525_600;
const PASSES = 3;

const candles = walkCandles(SEED, CANDLES, { timeframe: '1m', volatility: 0.001 });

function pass(): { seconds: number; cpuSeconds: number; result: BacktestResult } {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = runBacktest({
    strategy: 'mean_reversion',
    parameters: { lookback: 20 },
    timeframe: '1m',
    symbols: ['BTC'],
    markets: { BTC: { lotSize: '0.00001', tickSize: '1' } },
    candles,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, result };
}

pass(); // warm-up
const runs = Array.from({ length: PASSES }, pass);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const { summary, orders } = runs[0].result;
console.log(
  `mean_reversion (lookback 20) on 1 symbol, ${CANDLES.toLocaleString('en-US')} 1m candles, seed ${SEED}, ${PASSES} passes`,
);
console.log(
  `candles/s (median): ${Math.round(median(runs.map((r) => CANDLES / r.seconds))).toLocaleString('en-US')}` +
    `  CPU µs/candle: ${((median(runs.map((r) => r.cpuSeconds)) * 1e6) / CANDLES).toFixed(3)}`,
);
console.log(
  `trades ${summary.trades}, orders ${orders.length}, exposure ${((summary.exposure ?? 0) * 100).toFixed(1)} %, ` +
    `pnl ${Number(summary.pnl).toFixed(2)} USD, fees ${Number(summary.fees).toFixed(2)} USD, ` +
    `max drawdown ${summary.maxDrawdownPct.toFixed(2)} %, Sharpe ${summary.sharpe?.toFixed(2) ?? '-'}`,
);
