// GraphQL limits on the embedded TimescaleDB, over real HTTP: how long the 1,000-alias
// query takes to be refused, how long the most expensive query within the limits takes (two full
// 5,000-candle fetches), and what the per-query statement timeout (its own transaction) costs.
import { performance } from 'node:perf_hooks';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { queryWithTimeout } from '@nexwave/database';
import { startTestDatabase } from '@nexwave/database/testing';
import { MarketDataQueryModule } from '@nexwave/market-data';
import { CandleRefresher } from '@nexwave/market-data/testing';
import { graphqlModule } from '@nexwave/platform';

const RUNS = 20;
const START = new Date('2025-06-01T00:00:00Z');
const DAYS = 5; // 7,200 one-minute candles: a 5,000-candle fetch is full
const TICK_EVERY_MS = 20_000;
const FIELDS = 'time open high low close volume vwap tradeCount';

const THOUSAND_ALIASES = `{ ${Array.from(
  { length: 1000 },
  (_, i) => `c${i}: candles(symbol: "BTC", timeframe: M1, limit: 5000) { time }`,
).join(' ')} }`;
const LARGEST_ALLOWED = `{ a: candles(symbol: "BTC", timeframe: M1, limit: 5000) { ${FIELDS} }
  b: candles(symbol: "BTC", timeframe: M5, limit: 5000) { ${FIELDS} } }`;

function summary(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  console.log(
    `${label}: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms (${samples.length} runs)`,
  );
}

async function time(run: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
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
      [START.toISOString(), TICK_EVERY_MS, (DAYS * 86_400_000) / TICK_EVERY_MS],
    );
    await new CandleRefresher(dataSource).refresh(
      new Date(START.getTime() + (DAYS + 1) * 86_400_000),
    );

    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
    class BenchDataSourceModule {}
    @Module({ imports: [BenchDataSourceModule, graphqlModule(), MarketDataQueryModule] })
    class BenchModule {}

    const app = await NestFactory.create(BenchModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    const url = `${await app.getUrl()}/graphql`;
    const post = async (query: string, status: number): Promise<void> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      await response.text();
      if (response.status !== status) {
        throw new Error(`expected ${status}, got ${response.status}`);
      }
    };
    try {
      summary(
        '1,000-alias candles(limit: 5000), refused',
        await time(() => post(THOUSAND_ALIASES, 400)),
      );
      summary(
        'largest allowed: 2 x candles(limit: 5000), all fields',
        await time(() => post(LARGEST_ALLOWED, 200)),
      );
      const sql =
        'SELECT time, close FROM candles_1m_ohlcv WHERE symbol = $1 ORDER BY time DESC LIMIT 1';
      summary(
        'one read, plain',
        await time(async () => void (await dataSource.query(sql, ['BTC']))),
      );
      summary(
        'one read, with statement timeout (BEGIN, set_config, query, COMMIT)',
        await time(async () => void (await queryWithTimeout(dataSource, sql, ['BTC']))),
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
