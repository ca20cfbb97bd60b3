// Candle query latency: 30 days of 1h candles for one symbol read from the continuous aggregate
// (candles_1h_ohlcv) vs aggregated from raw ticks on the fly with time_bucket, on the embedded
// TimescaleDB. 30 days at one trade every 10 s = 259,200 ticks (keeps the run near a minute).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import { startTestDatabase } from '@nexwave/database/testing';
import {
  CandleRefresher,
  SELECT_CANDLES,
  TypeOrmCandleReadModel,
} from '@nexwave/market-data/testing';

import { printFigure } from '../goal';

const DAY_MS = 86_400_000;
const DAYS = 30;
const TICK_EVERY_MS = 10_000;
const BATCH = 20_000;
const RUNS = 30;
const START = new Date('2025-06-01T00:00:00Z');
const END = new Date(START.getTime() + DAYS * DAY_MS);

const ON_THE_FLY = `
  SELECT time_bucket(INTERVAL '1 hour', time) AS time, first(price, time) AS open, max(price) AS high,
    min(price) AS low, last(price, time) AS close, sum(size) AS volume,
    sum(price * size) / NULLIF(sum(size), 0) AS vwap, count(*) AS trade_count
  FROM ticks
  WHERE symbol = $1 AND time >= $2 AND time <= $3
  GROUP BY 1
  ORDER BY 1 DESC
  LIMIT $4`;

/** The aggregate query's 720 rows and column types, without reading anything. */
const CONSTANT_ROWS = `
  SELECT now() AS time, 97000.5::numeric AS open, 97100.5::numeric AS high, 96900.5::numeric AS low,
    97050.5::numeric AS close, 12.345::numeric AS volume, 97010.123456789::numeric AS vwap,
    360::bigint AS trade_count
  FROM generate_series(1, 720)`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const database = await startTestDatabase();
  try {
    const dataSource = await database.freshDataSource();
    const total = (DAYS * DAY_MS) / TICK_EVERY_MS;
    let started = performance.now();
    for (let offset = 0; offset < total; offset += BATCH) {
      const count = Math.min(BATCH, total - offset);
      await dataSource.query(
        `INSERT INTO ticks (time, symbol, price, size, side, trade_id)
         SELECT $1::timestamptz + (i * $2::bigint) * INTERVAL '1 millisecond', 'BTC',
           round((97000 + 500 * sin(i / 360.0))::numeric, 1), round((0.001 + (i % 97) / 10.0)::numeric, 3),
           CASE WHEN i % 2 = 0 THEN 'buy' ELSE 'sell' END, i::text
         FROM generate_series($3::int, $4::int) AS i`,
        [START.toISOString(), TICK_EVERY_MS, offset, offset + count - 1],
      );
    }
    console.log(`insert ${total} ticks: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    await new CandleRefresher(dataSource).refresh(new Date(END.getTime() + DAY_MS));
    console.log(
      `refresh 1m..1d (all history): ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const readModel = new TypeOrmCandleReadModel(dataSource);
    const request = { symbol: 'BTC', timeframe: '1h', from: START, to: END, limit: 5_000 } as const;
    const params = ['BTC', START.toISOString(), END.toISOString(), 5_000];
    const queries: [string, () => Promise<unknown[]>][] = [
      ['candles_1h_ohlcv (aggregate)', () => readModel.candles(request)],
      ['ticks + time_bucket (on the fly)', () => dataSource.query(ON_THE_FLY, params)],
      // Where the aggregate read's time goes (the profile under the goal lines):
      ['  same SQL, one query, no timeout', () => dataSource.query(SELECT_CANDLES['1h'], params)],
      ['  720 constant rows, same columns', () => dataSource.query(CONSTANT_ROWS)],
      ['  SELECT 1 (one round trip)', () => dataSource.query('SELECT 1')],
    ];
    // Round robin, so that load from elsewhere on the machine falls on every query alike.
    const times = queries.map(() => [] as number[]);
    const rows: unknown[][] = [];
    for (const [, query] of queries) {
      rows.push(await query());
    }
    for (let run = 0; run < RUNS; run++) {
      for (const [index, [, query]] of queries.entries()) {
        const t0 = performance.now();
        await query();
        times[index].push(performance.now() - t0);
      }
    }
    times.forEach((samples) => samples.sort((a, b) => a - b));
    const p50s = times.map((sorted) => percentile(sorted, 50));
    for (const [index, [label]] of queries.entries()) {
      console.log(
        `${label.padEnd(34)} ${String(rows[index].length).padStart(3)} rows  p50 ${p50s[index].toFixed(1)} ms  p99 ${percentile(times[index], 99).toFixed(1)} ms  (${RUNS} runs)`,
      );
    }
    const summary: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) ${SELECT_CANDLES['1h']}`,
      params,
    );
    console.log(
      `aggregate query without per-node timing: ${summary
        .map((row) => row['QUERY PLAN'])
        .filter((line) => /^(Planning|Execution) Time/.test(line))
        .join(', ')}`,
    );
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${SELECT_CANDLES['1h']}`,
      params,
    );
    const lines = plan.map((row) => row['QUERY PLAN']);
    console.log(
      `EXPLAIN ANALYZE of the aggregate query (candles_1h_ohlcv):\n  ${lines.join('\n  ')}`,
    );
    const indexScans = lines.filter((line) => /Index (Only )?Scan/.test(line)).length;
    const seqScans = lines.filter((line) => line.includes('Seq Scan')).length;
    console.log(`plan: ${indexScans} index scan node(s), ${seqScans} sequential scan node(s)`);
    const [aggregate, onTheFly] = p50s;
    console.log(
      `load average: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
    printFigure('30 days of 1h candles, aggregate p50', aggregate, 'ms', { atMost: 20 });
    printFigure('on the fly p50 / aggregate p50', onTheFly / aggregate, 'x', { atLeast: 50 });
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
