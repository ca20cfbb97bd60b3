// Candles/s of the backtester (@nexwave/backtest): mean_reversion on one symbol over a year of 1m
// candles (525,600, a seeded random walk), single-threaded, candle fill model; with its default
// bands (it trades often on 1m candles: every order runs the live risk check, fill model and book
// in exact decimals) and with bands so wide it never trades (the cost of the replay itself). The
// candles are generated before the clock starts. Run by `npm run bench backtest`. Each scenario
// prints the SHA-256 of its whole result (summary, trades, orders, risk decisions, equity curve) so
// a speed-up can be checked to change nothing.
import { createHash } from 'node:crypto';

import { runBacktest, type BacktestResult } from '@nexwave/backtest';
import { walkCandles } from '@nexwave/backtest/testing';

import { printFigure } from '../goal';

const SEED = 20261130;
const CANDLES = 525_600;
const PASSES = 3;
/** Issue 14's goal, single-threaded. */
const GOAL_CANDLES_PER_SECOND = 1_000_000;
const SCENARIOS = [
  { name: 'defaults (lookback 20, ±2σ)', parameters: { lookback: 20 } },
  { name: 'no trade (lookback 20, −50σ)', parameters: { lookback: 20, entryStdDevs: 50 } },
];

const candles = walkCandles(SEED, CANDLES, { timeframe: '1m', volatility: 0.001 });

interface Pass {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly result: BacktestResult;
}

function pass(parameters: Record<string, unknown>): Pass {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = runBacktest({
    strategy: 'mean_reversion',
    parameters,
    timeframe: '1m',
    symbols: ['BTC'],
    markets: { BTC: { lotSize: '0.00001', tickSize: '1' } },
    candles,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, result };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(
  `mean_reversion on 1 symbol, ${CANDLES.toLocaleString('en-US')} 1m candles (random walk 0.1 %/min, seed ${SEED}), ${PASSES} passes each after a warm-up`,
);
const measured: { cpuSeconds: number; orders: number }[] = [];
for (const { name, parameters } of SCENARIOS) {
  pass(parameters);
  const runs = Array.from({ length: PASSES }, () => pass(parameters));
  const { summary, orders } = runs[0].result;
  const rate = median(runs.map((r) => CANDLES / r.seconds));
  const cpuSeconds = median(runs.map((r) => r.cpuSeconds));
  // Wall-clock rates suffer when other processes share the cores; CPU time per candle less so.
  printFigure(`${name} (median)`, rate, 'candles/s', { atLeast: GOAL_CANDLES_PER_SECOND });
  console.log(
    `  ${((cpuSeconds * 1e6) / CANDLES).toFixed(3)} CPU µs/candle; ` +
      `${summary.trades} trades, ${orders.length} orders, exposure ${((summary.exposure ?? 0) * 100).toFixed(1)} %, ` +
      `PnL ${Number(summary.pnl).toFixed(2)} USD after ${Number(summary.fees).toFixed(2)} USD fees`,
  );
  console.log(`  result sha256 ${resultHash(runs[0].result)}`);
  measured.push({ cpuSeconds, orders: orders.length });
}
const [trading, idle] = measured;
// What an order adds: the CPU time of the trading run beyond the idle one, per order.
console.log(
  `per order: ${(((trading.cpuSeconds - idle.cpuSeconds) * 1e6) / trading.orders).toFixed(1)} CPU µs ` +
    `(the default run's CPU time beyond the no-trade run's, over its ${trading.orders} orders)`,
);

function resultHash(result: BacktestResult): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}
