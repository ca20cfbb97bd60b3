// Trades ingested per second, end to end (normalise + bounded buffer + batched write with
// dedup), into the embedded TimescaleDB (hypertable) and into a PostgreSQL server, next to a raw
// COPY baseline of the same trades into the same server.
// The server: `DATABASE_URL` (any server; a private schema is created and dropped; where the
// timescaledb extension exists, `ticks` is a hypertable as in the migration), else this
// machine's native PostgreSQL 15 (plain table, same columns and keys).
// Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/market-data/ingest.bench.ts
// Profile the client side: node --cpu-prof -r ts-node/register/transpile-only
//   -r tsconfig-paths/register bench/market-data/ingest.bench.ts
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

import { systemClock } from '@nexwave/core';
import { createDataSource } from '@nexwave/database';
import { startTestDatabase } from '@nexwave/database/testing';
import {
  COPY_TICKS_STAGING,
  copyText,
  CREATE_TICKS_STAGING,
  INSERT_TICKS_FROM_STAGING,
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
/** The writer's default batch (DEFAULT_TICK_BUFFER_POLICY). */
const BATCH = 5_000;
/** Trades per feed message: the bench yields between them, as a socket's data events do. */
const MESSAGE = 1_000;
const SERVER_TICKS = 200_000;
const ROUNDS = 3;

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

interface EndToEnd {
  mode: TickWriteMode;
  batch?: number;
  /** Accept every trade before the first write (no overlap of parsing and writing). */
  allAtOnce?: boolean;
}

/** Normalise + TickWriter + flush; returns ticks/s. */
async function endToEnd(dataSource: DataSource, count: number, offset: number, run: EndToEnd) {
  const writer = new TickWriter(
    new TypeOrmTickStore(dataSource, run.mode),
    new MarketDataMetrics(),
    {
      buffer: { batchSize: run.batch ?? BATCH, maxWaitMs: 250, capacity: count },
      retry: { baseDelayMs: 50, maxDelayMs: 1_000 },
      shutdownAttempts: 1,
      clock: systemClock,
    },
  );
  const raws = rawTrades(count, offset);
  const started = performance.now();
  for (let i = 0; i < raws.length; i += MESSAGE) {
    const ticks: Tick[] = [];
    for (const raw of raws.slice(i, i + MESSAGE)) {
      const result = normaliseTrade(raw, 'pacifica');
      if (result.ok) {
        ticks.push(result.tick);
      }
    }
    if (writer.accept(ticks) > 0) {
      throw new Error('refused');
    }
    if (!run.allAtOnce) {
      await nextTurn();
    }
  }
  await writer.flush();
  const seconds = (performance.now() - started) / 1_000;
  await writer.stop();
  return count / seconds;
}

function normalised(count: number, offset: number): Tick[] {
  return rawTrades(count, offset).map((raw) => {
    const result = normaliseTrade(raw, 'pacifica');
    if (!result.ok) {
      throw new Error(result.reason);
    }
    return result.tick;
  });
}

/** The baseline: the trades already normalised, one COPY, no staging, no dedup. */
async function rawCopy(url: string, table: string, count: number, offset: number) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const ticks = normalised(count, offset);
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

/** The columns and keys of the `ticks` migration; a hypertable where TimescaleDB exists. */
function ticksTable(name: string, hypertable: boolean): string {
  return `
    CREATE TABLE ${name} (
      time timestamptz NOT NULL, symbol text NOT NULL, price numeric NOT NULL, size numeric NOT NULL,
      side text NOT NULL CHECK (side IN ('buy', 'sell')), trade_id text NOT NULL,
      source text NOT NULL DEFAULT 'pacifica', received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ${name}_symbol_trade_id_time_key UNIQUE (symbol, trade_id, time));
    CREATE INDEX ${name}_symbol_time_idx ON ${name} (symbol, time DESC);
    ${hypertable ? `SELECT create_hypertable('${name}', 'time', chunk_time_interval => INTERVAL '1 day');` : ''}`;
}

interface Server {
  url: string;
  label: string;
  stop(): void;
}

/** This machine's PostgreSQL 15 in a throwaway data directory, or null where it cannot start. */
function startNativePostgres(report: (row: string[]) => void): Server | null {
  const dir = mkdtempSync(join(tmpdir(), 'nexwave-bench-pg-'));
  const data = join(dir, 'data');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const asPostgres = (args: string[]) =>
    execFileSync('su', ['postgres', '-c', args.map((arg) => `'${arg}'`).join(' ')], {
      stdio: 'pipe',
    });
  const stop = () => {
    try {
      asPostgres([`${PG_BIN}/pg_ctl`, '-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
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
    return null;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, label: 'native PG 15', stop };
}

/** `url` with every connection's search_path on `schema` (then public, for extensions). */
function inSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema},public`);
  return parsed.toString();
}

const SETTINGS = `
  SELECT name, setting, unit FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'wal_level', 'full_page_writes', 'wal_compression',
    'shared_buffers', 'max_wal_size', 'wal_buffers', 'checkpoint_timeout')
  ORDER BY name`;

/** EXPLAIN ANALYZE of one batch's dedup insert from staging, rolled back. */
async function explainStagedInsert(url: string, offset: number): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(CREATE_TICKS_STAGING);
    await pipeline(
      Readable.from(copyText(normalised(BATCH, offset))),
      client.query(copyFrom(COPY_TICKS_STAGING)),
    );
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, WAL) ${INSERT_TICKS_FROM_STAGING}`,
    );
    return rows.map((row) => row['QUERY PLAN']);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

async function serverRows(server: Server, report: (row: string[]) => void): Promise<void> {
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  const schema = `bench_ingest_${process.pid}`;
  const url = inSchema(server.url, schema);
  try {
    const { rows: timescale } = await admin.query(
      "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'",
    );
    const hypertable = timescale.length > 0;
    if (hypertable) {
      await admin.query('CREATE EXTENSION IF NOT EXISTS timescaledb');
    }
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(`SET search_path TO ${schema}, public`);
    await admin.query(ticksTable('ticks', hypertable) + ticksTable('ticks_raw', hypertable));
    const where = `${server.label}, ${hypertable ? 'hypertable' : 'plain table'}`;
    const { rows: version } = await admin.query<{ version: string }>('SELECT version()');
    const { rows: settings } = await admin.query<{ name: string; setting: string; unit: string }>(
      SETTINGS,
    );
    console.log(`${where}: ${version[0].version.split(',')[0]}`);
    console.log(
      `  ${settings.map((row) => `${row.name}=${row.setting}${row.unit ?? ''}`).join(' ')}`,
    );

    const dataSource = createDataSource({ url, embedded: false, entities: MARKET_DATA_ENTITIES });
    await dataSource.initialize();
    const fresh = async () => {
      await admin.query('TRUNCATE ticks, ticks_raw');
      await admin.query('CHECKPOINT');
    };
    const copy = 'end to end, COPY (a batch with a stored trade: staging + ON CONFLICT)';
    const runs: [string, EndToEnd][] = [
      [`${copy}, batch 5000`, { mode: 'copy', batch: 5_000 }],
      [
        `${copy}, batch 5000, all trades accepted first`,
        { mode: 'copy', batch: 5_000, allAtOnce: true },
      ],
      [`${copy}, batch 20000`, { mode: 'copy', batch: 20_000 }],
      ['end to end, INSERT unnest ON CONFLICT, batch 5000', { mode: 'insert', batch: 5_000 }],
      ['end to end, INSERT unnest ON CONFLICT, batch 20000', { mode: 'insert', batch: 20_000 }],
    ];
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      let best = 0;
      for (const [label, run] of runs) {
        await fresh();
        const rate = await endToEnd(dataSource, SERVER_TICKS, 0, run);
        best = Math.max(best, rate);
        report([where, `round ${round}: ${label}`, fmt(rate)]);
      }
      await fresh();
      const raw = await rawCopy(url, 'ticks_raw', SERVER_TICKS, 0);
      report([where, `round ${round}: raw COPY baseline (no dedup, no staging)`, fmt(raw)]);
      ratios.push(best / raw);
    }
    await fresh();
    await endToEnd(dataSource, SERVER_TICKS, 0, { mode: 'copy', batch: 20_000 });
    report([
      where,
      'COPY path, batch 20000, all duplicates (every batch through staging)',
      fmt(await endToEnd(dataSource, SERVER_TICKS, 0, { mode: 'copy', batch: 20_000 })),
    ]);
    const plan = await explainStagedInsert(url, 2 * SERVER_TICKS);
    await dataSource.destroy();
    goals.push(() => {
      console.log(
        `EXPLAIN (ANALYZE, BUFFERS, WAL) of one batch's insert from staging (the fallback for a batch with a stored trade):`,
      );
      console.log(`  ${plan.join('\n  ')}`);
      console.log(
        `best end to end / raw COPY by round: ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
      );
      printFigure(
        `${where}, best end to end (insert + dedup) / raw COPY`,
        ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length,
        'x',
        { atLeast: 0.5 },
      );
    });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

async function embedded(report: (row: string[]) => void, count: number): Promise<void> {
  const database = await startTestDatabase();
  try {
    const dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    report([
      'embedded TimescaleDB, hypertable',
      'end to end, INSERT unnest ON CONFLICT',
      fmt(await endToEnd(dataSource, count, 0, { mode: 'insert' })),
    ]);
    report([
      'embedded TimescaleDB, hypertable',
      'end to end, all duplicates',
      fmt(await endToEnd(dataSource, count, 0, { mode: 'insert' })),
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

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');
}

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
  console.log(`load average at start: ${loadAverage()}`);
  await embedded(report, 50_000);
  const external = process.env.DATABASE_URL;
  const server = external
    ? { url: external, label: 'DATABASE_URL', stop: () => undefined }
    : startNativePostgres(report);
  if (server) {
    try {
      await serverRows(server, report);
    } finally {
      server.stop();
    }
  }
  console.log(
    `\nbatch ${BATCH} rows unless said, trades fed ${MESSAGE} a message; embedded 50,000 ticks, server ${SERVER_TICKS.toLocaleString('en-US')} ticks per run; load average at end: ${loadAverage()}\n`,
  );
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  }
  console.log();
  goals.forEach((print) => print());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
