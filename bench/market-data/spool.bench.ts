// Tick spool throughput: appends to the on-disk spool (each append synced) by batch size, reading
// a spool back (parse), and a full replay by a TickWriter into the embedded TimescaleDB.
// Run: npm run bench spool
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';

import { systemClock } from '@nexwave/core';
import { startTestDatabase } from '@nexwave/database/testing';
import {
  FileTickSpool,
  MARKET_DATA_ENTITIES,
  MarketDataMetrics,
  TickWriter,
  TypeOrmTickStore,
  type Tick,
} from '@nexwave/market-data/testing';

const SEGMENT_BYTES = 8 * 2 ** 20;

function trades(count: number): Tick[] {
  const start = Date.UTC(2026, 2, 1);
  return Array.from({ length: count }, (_, i) => ({
    time: new Date(start + i),
    symbol: ['BTC', 'ETH', 'SOL', 'kBONK'][i % 4],
    price: (100 + (i % 1000) / 100).toFixed(2),
    size: ((i % 50) + 1).toFixed(3),
    side: i % 2 === 0 ? 'buy' : 'sell',
    tradeId: String(10_000_000 + i),
    source: 'pacifica',
  }));
}

function spoolIn(dir: string): FileTickSpool {
  return new FileTickSpool({ dir, maxBytes: 2 ** 40, segmentBytes: SEGMENT_BYTES });
}

async function append(dir: string, ticks: Tick[], batch: number): Promise<number> {
  const spool = spoolIn(dir);
  const started = performance.now();
  for (let i = 0; i < ticks.length; i += batch) {
    await spool.append(ticks.slice(i, i + batch));
  }
  await spool.close();
  return ticks.length / ((performance.now() - started) / 1_000);
}

async function read(dir: string, count: number): Promise<number> {
  const spool = spoolIn(dir);
  await spool.open();
  const started = performance.now();
  let read = 0;
  for (const segment of await spool.seal()) {
    read += (await spool.read(segment)).ticks.length;
  }
  if (read !== count) {
    throw new Error(`read ${read} of ${count}`);
  }
  return count / ((performance.now() - started) / 1_000);
}

async function replay(dir: string, count: number): Promise<number> {
  const database = await startTestDatabase();
  try {
    const dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    const writer = new TickWriter(new TypeOrmTickStore(dataSource), new MarketDataMetrics(), {
      buffer: { batchSize: 5_000, maxWaitMs: 250, capacity: 100_000 },
      retry: { baseDelayMs: 50, maxDelayMs: 1_000 },
      shutdownAttempts: 1,
      spool: spoolIn(dir),
      clock: systemClock,
    });
    const started = performance.now();
    await writer.start();
    await writer.flush();
    const seconds = (performance.now() - started) / 1_000;
    await writer.stop();
    const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ticks`);
    if (n !== count) {
      throw new Error(`stored ${n} of ${count}`);
    }
    return count / seconds;
  } finally {
    await database.stop();
  }
}

function fmt(rate: number): string {
  return `${Math.round(rate).toLocaleString('en-US')} trades/s`;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const root = mkdtempSync(join(tmpdir(), 'nexwave-bench-spool-'));
  try {
    const count = 200_000;
    const ticks = trades(count);
    for (const batch of [1, 100, 1_000, 5_000]) {
      const dir = join(root, `append-${batch}`);
      const sample = batch === 1 ? ticks.slice(0, 2_000) : ticks;
      console.log(
        `append, ${batch} trades per synced append | ${fmt(await append(dir, sample, batch))}`,
      );
      rmSync(dir, { recursive: true });
    }
    const dir = join(root, 'spool');
    await append(dir, ticks, 5_000);
    console.log(
      `read back and parse ${count.toLocaleString('en-US')} | ${fmt(await read(dir, count))}`,
    );
    const replayed = 50_000;
    const small = join(root, 'replay');
    await append(small, ticks.slice(0, replayed), 5_000);
    console.log(
      `replay ${replayed.toLocaleString('en-US')} into the embedded TimescaleDB (TickWriter) | ${fmt(await replay(small, replayed))}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
