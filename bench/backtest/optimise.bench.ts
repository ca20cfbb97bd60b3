// Candles/s of the optimiser (@nexwave/backtest OptimiserPool): 100 parameter sets of
// mean_reversion (lookback 10..55 × entryStdDevs 1.5..3.75, a 10 × 10 grid) over 30 days of 1m
// candles of one symbol (a seeded random walk), with 1 worker thread, then with one per core.
// The same on the main thread first. Each pool is warmed up (workers started and compiled, JIT) on a few sets before the clock starts.
// Run by `npm run bench backtest/optimise`.
import { availableParallelism } from 'node:os';

import {
  evaluate,
  gridSets,
  optimise,
  OptimiserPool,
  parseRanges,
  walkCandles,
  type OptimiseBase,
} from '@nexwave/backtest';

const SEED = 20261130;
const CANDLES = Number(process.env.BENCH_CANDLES ?? 30 * 1_440);
const sets = gridSets(parseRanges(['lookback=10:55:5', 'entryStdDevs=1.5:3.75:0.25']));
const candles = walkCandles(SEED, CANDLES, {
  timeframe: '1m',
  volatility: 0.001,
  from: Date.UTC(2026, 0, 1),
});
const base: OptimiseBase = {
  strategy: 'mean_reversion',
  parameters: {},
  timeframe: '1m',
  symbols: ['BTC'],
  markets: { BTC: { lotSize: '0.00001', tickSize: '1' } },
};

interface Timing {
  readonly seconds: number;
  /** CPU time of the process, every thread. */
  readonly cpuSeconds: number;
}

async function timed<T>(work: () => T | Promise<T>): Promise<Timing & { value: T }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

async function measure(workers: number): Promise<Timing & { best: string }> {
  const pool = new OptimiserPool(base, candles, workers);
  try {
    await optimise(pool, sets.slice(0, workers * 2), 'sharpe');
    const { value, ...timing } = await timed(() => optimise(pool, sets, 'sharpe'));
    return { ...timing, best: JSON.stringify(value[0].parameters) };
  } finally {
    await pool.close();
  }
}

/** The same sets one after another on the main thread: what the pool's overhead is measured against. */
function inMainThread(): Promise<Timing> {
  sets.slice(0, 2).forEach((parameters, index) => evaluate(base, candles, { index, parameters }));
  return timed(() =>
    sets.forEach((parameters, index) => evaluate(base, candles, { index, parameters })),
  );
}

const total = sets.length * CANDLES;
// Wall-clock rates suffer when other processes share the cores; CPU time per candle less so.
const rates = ({ seconds, cpuSeconds }: Timing) =>
  `${seconds.toFixed(2)} s, ${Math.round(total / seconds).toLocaleString('en-US')} candles/s, ` +
  `${((cpuSeconds * 1e6) / total).toFixed(3)} CPU µs/candle`;

async function main(): Promise<void> {
  console.log(
    `mean_reversion, ${sets.length} parameter sets × ${CANDLES.toLocaleString('en-US')} 1m candles of 1 symbol = ${total.toLocaleString('en-US')} candles replayed, ranked by sharpe`,
  );
  console.log(`main thread, no worker: ${rates(await inMainThread())}`);
  const counts = [...new Set([1, Math.max(2, availableParallelism())])];
  const results: { workers: number; seconds: number }[] = [];
  for (const workers of counts) {
    const timing = await measure(workers);
    const { seconds, best } = timing;
    results.push({ workers, seconds });
    console.log(
      `${workers} worker(s): ${rates(timing)}` +
        `${workers > 1 ? `, speed-up ×${(results[0].seconds / seconds).toFixed(2)} on ${availableParallelism()} cores` : ''}; best ${best}`,
    );
  }
}

void main();
