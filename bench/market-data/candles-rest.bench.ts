// Candle REST under load: the market-data query module (REST, no auth guard) on the embedded
// TimescaleDB with 30 days of candles, driven over real HTTP by 20 concurrent keep-alive fetch
// loops in a worker thread (the other core), each phase PHASE_MS long. One settled range of 1h
// candles (7 days, 168 candles): with the candle cache off (every request reads the database),
// with it on, and with it on plus If-None-Match (304s). Figures beside issue 17's goal.
import { Worker } from 'node:worker_threads';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { ConfigModule } from '@nexwave/config';
import { startTestDatabase } from '@nexwave/database/testing';
import { MarketDataQueryModule } from '@nexwave/market-data';
import { CandleRefresher } from '@nexwave/market-data/testing';
import { ApiErrorsModule } from '@nexwave/platform';

import { printFigure } from '../goal';

const CONCURRENCY = 20;
const PHASE_MS = Number(process.env.PHASE_MS ?? 10_000);
const DAY_MS = 86_400_000;
const DAYS = 30;
const TICK_EVERY_MS = 60_000;
const START = new Date('2025-06-01T00:00:00Z');
const RANGE = `/api/v1/candles/BTC/1h?from=2025-06-10T00:00:00.000Z&to=2025-06-16T23:00:00.000Z`;

// Plain JavaScript: the worker runs without ts-node.
const LOAD_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { url, headers, concurrency, durationMs } = workerData;
const latencies = [];
const statuses = {};
const end = performance.now() + durationMs;
async function loop() {
  while (performance.now() < end) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
}
Promise.all(Array.from({ length: concurrency }, loop)).then(() =>
  parentPort.postMessage({ latencies, statuses }),
);`;

interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
}

function drive(url: string, headers: Record<string, string>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_LOOP, {
      eval: true,
      workerData: { url, headers, concurrency: CONCURRENCY, durationMs: PHASE_MS },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function report(label: string, { latencies, statuses }: LoadResult): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  console.log(
    `${label}: ${sorted.length} requests, statuses ${JSON.stringify(statuses)}, p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`,
  );
  printFigure(`${label}, throughput`, sorted.length / (PHASE_MS / 1000), 'req/s', {
    atLeast: 5_000,
  });
  printFigure(`${label}, p99`, at(0.99), 'ms', { atMost: 20 });
}

async function main(): Promise<void> {
  const database = await startTestDatabase();
  try {
    const dataSource = await database.freshDataSource();
    await dataSource.query(
      `INSERT INTO ticks (time, symbol, price, size, side, trade_id)
       SELECT $1::timestamptz + (i * $2::bigint) * INTERVAL '1 millisecond', 'BTC',
         round((97000 + 500 * sin(i / 360.0))::numeric, 1), 0.01, 'buy', i::text
       FROM generate_series(0, $3::int - 1) AS i`,
      [START.toISOString(), TICK_EVERY_MS, (DAYS * DAY_MS) / TICK_EVERY_MS],
    );
    await new CandleRefresher(dataSource).refresh(new Date(START.getTime() + (DAYS + 1) * DAY_MS));

    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
    class BenchDataSourceModule {}

    for (const cacheCandles of [0, 200_000]) {
      @Module({
        imports: [
          ConfigModule.forRoot({ candleApi: { cacheCandles } }),
          BenchDataSourceModule,
          ApiErrorsModule,
          MarketDataQueryModule,
        ],
      })
      class BenchModule {}
      const app = await NestFactory.create(BenchModule, { logger: false });
      await app.listen(0, '127.0.0.1');
      try {
        const url = `${await app.getUrl()}${RANGE}`;
        const first = await fetch(url);
        const etag = first.headers.get('etag') ?? '';
        console.log(
          `${((await first.json()) as { candles: unknown[] }).candles.length} candles, ETag ${etag}, Cache-Control ${first.headers.get('cache-control')}`,
        );
        const cache = cacheCandles === 0 ? 'cache off' : 'cache on';
        report(`settled 1h range, ${cache}`, await drive(url, {}));
        if (cacheCandles > 0) {
          report(
            `settled 1h range, ${cache}, If-None-Match`,
            await drive(url, {
              'if-none-match': etag,
              // fetch adds Cache-Control: no-cache to a conditional request, for which Express
              // never answers 304; max-age=0 is what a browser sends when it revalidates.
              'cache-control': 'max-age=0',
            }),
          );
        }
      } finally {
        await app.close();
      }
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
