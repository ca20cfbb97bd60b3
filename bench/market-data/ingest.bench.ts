// Trades ingested per second, end to end (normalise + bounded buffer + batched write with
// dedup), into the embedded TimescaleDB (hypertable) and into this machine's native PostgreSQL 15
// (plain table, same columns and unique index), next to a raw COPY baseline.
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/market-data/ingest.bench.ts
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

import { systemClock } from '@nexwave/core';
import { createDataSource } from '@nexwave/database';
import { startTestDatabase } from '@nexwave/database/testing';
import {
  copyText,
  MARKET_DATA_ENTITIES,
  MarketDataMetrics,
  normaliseTrade,
  TickWriter,
  TypeOrmTickStore,
  type RawTrade,
  type Tick,
  type TickWriteMode,
} from '@nexwave/market-data/testing';

import { printFigure } from '../goal';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const BATCH = 5_000;

function rawTrades(count: number, offset: number): RawTrade[] {
  const start = Date.UTC(2026, 2, 1);
  return Array.from({ length: count }, (_, i) => ({
    tradeId: String(offset + i),
    symbol: ['BTC', 'ETH', 'SOL', 'kBONK'][i % 4],
    price: (100 + (i % 1000) / 100).toFixed(2),
    amount: ((i % 50) + 1).toFixed(3),
    direction: i % 2 === 0 ? 'open_long' : 'close_long',
    time: start + offset + i,
  }));
}

/** Normalise + TickWriter + flush; returns ticks/s. */
async function endToEnd(
  dataSource: DataSource,
  mode: TickWriteMode,
  count: number,
  offset: number,
) {
  const writer = new TickWriter(new TypeOrmTickStore(dataSource, mode), new MarketDataMetrics(), {
    buffer: { batchSize: BATCH, maxWaitMs: 250, capacity: count },
    retry: { baseDelayMs: 50, maxDelayMs: 1_000 },
    shutdownAttempts: 1,
    clock: systemClock,
  });
  const raws = rawTrades(count, offset);
  const started = performance.now();
  for (let i = 0; i < raws.length; i += 1_000) {
    const ticks: Tick[] = [];
    for (const raw of raws.slice(i, i + 1_000)) {
      const result = normaliseTrade(raw, 'pacifica');
      if (result.ok) {
        ticks.push(result.tick);
      }
    }
    if (writer.accept(ticks) > 0) {
      throw new Error('refused');
    }
  }
  await writer.flush();
  const seconds = (performance.now() - started) / 1_000;
  await writer.stop();
  return count / seconds;
}

async function rawCopy(url: string, table: string, count: number, offset: number) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const ticks = rawTrades(count, offset).map((raw) => {
    const result = normaliseTrade(raw, 'pacifica');
    if (!result.ok) {
      throw new Error(result.reason);
    }
    return result.tick;
  });
  const started = performance.now();
  await pipeline(
    Readable.from(copyText(ticks)),
    client.query(
      copyFrom(`COPY ${table} (time, symbol, price, size, side, trade_id, source) FROM STDIN`),
    ),
  );
  const seconds = (performance.now() - started) / 1_000;
  await client.end();
  return count / seconds;
}

const PLAIN_TICKS = `
  CREATE TABLE ticks (
    time timestamptz NOT NULL, symbol text NOT NULL, price numeric NOT NULL, size numeric NOT NULL,
    side text NOT NULL CHECK (side IN ('buy', 'sell')), trade_id text NOT NULL,
    source text NOT NULL DEFAULT 'pacifica', received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ticks_symbol_trade_id_time_key UNIQUE (symbol, trade_id, time));
  CREATE INDEX ticks_symbol_time_idx ON ticks (symbol, time DESC)`;

async function nativePostgres(report: (row: string[]) => void, count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nexwave-bench-pg-'));
  const data = join(dir, 'data');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const asPostgres = (args: string[]) =>
    execFileSync('su', ['postgres', '-c', args.map((arg) => `'${arg}'`).join(' ')], {
      stdio: 'pipe',
    });
  try {
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
    asPostgres([`${PG_BIN}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres']);
    asPostgres([
      `${PG_BIN}/pg_ctl`,
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
      'start',
    ]);
  } catch (error) {
    report(['native PostgreSQL 15', 'could not start', String(error).split('\n')[0]]);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    const dataSource = createDataSource({ url, embedded: false, entities: MARKET_DATA_ENTITIES });
    await dataSource.initialize();
    await dataSource.query(PLAIN_TICKS);
    const insert = await endToEnd(dataSource, 'insert', count, 0);
    report(['native PG 15, plain table', 'end to end, INSERT unnest ON CONFLICT', fmt(insert)]);
    const copy = await endToEnd(dataSource, 'copy', count, count);
    report(['native PG 15, plain table', 'end to end, COPY + staging + ON CONFLICT', fmt(copy)]);
    report([
      'native PG 15, plain table',
      'end to end, all duplicates (COPY path)',
      fmt(await endToEnd(dataSource, 'copy', count, count)),
    ]);
    await dataSource.query(`CREATE TABLE ticks_raw (LIKE ticks INCLUDING ALL)`);
    const raw = await rawCopy(url, 'ticks_raw', count, 0);
    report(['native PG 15, plain table', 'raw COPY baseline (no dedup, no staging)', fmt(raw)]);
    goals.push(() =>
      printFigure(
        'native PG, best end to end (insert + dedup) / raw COPY',
        Math.max(insert, copy) / raw,
        'x',
        { atLeast: 0.5 },
      ),
    );
    await dataSource.destroy();
  } finally {
    asPostgres([`${PG_BIN}/pg_ctl`, '-D', data, '-m', 'fast', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function embedded(report: (row: string[]) => void, count: number): Promise<void> {
  const database = await startTestDatabase();
  try {
    const dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    report([
      'embedded TimescaleDB, hypertable',
      'end to end, INSERT unnest ON CONFLICT',
      fmt(await endToEnd(dataSource, 'insert', count, 0)),
    ]);
    report([
      'embedded TimescaleDB, hypertable',
      'end to end, all duplicates',
      fmt(await endToEnd(dataSource, 'insert', count, 0)),
    ]);
    report([
      'embedded TimescaleDB, hypertable',
      'raw COPY baseline',
      'n/a: PGlite aborts on COPY FROM STDIN over its socket',
    ]);
  } finally {
    await database.stop();
  }
}

/** The goal lines, printed under the table. */
const goals: (() => void)[] = [];

function fmt(rate: number): string {
  return `${Math.round(rate).toLocaleString('en-US')} ticks/s`;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const rows: string[][] = [];
  const report = (row: string[]) => {
    rows.push(row);
    console.log(row.join(' | '));
  };
  await embedded(report, 50_000);
  await nativePostgres(report, 200_000);
  console.log(`\nbatch ${BATCH} rows; embedded 50,000 ticks, native 200,000 ticks per run\n`);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  }
  console.log();
  goals.forEach((print) => print());
}

void main();
