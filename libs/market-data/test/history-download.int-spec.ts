import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';

import { createDataSource, runMigrations, startEmbeddedTimescale } from '@nexwave/database';
import { copyTemplateDataDir, ERRORS_ONLY, findEmbeddedChildPid } from '@nexwave/database/testing';
import { PacificaRestClient } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import type { SymbolSummary } from '../src/application/history/download-history';
import { TypeOrmCandleReadModel } from '../src/infrastructure/persistence/candles.read-model';

const ROOT = resolve(__dirname, '../../..');
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Each test runs the CLI (a process on the embedded database) once or more: slow on a busy machine. */
const CLI_TEST_MS = 300_000;
// Long before the simulator started: its seeded history.
const FROM = Date.UTC(2025, 8, 1);
const iso = (ms: number) => new Date(ms).toISOString();

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: SymbolSummary[];
}

/** `npm run data` as its own process, on the embedded database in dataDir. */
function startCli(
  dataDir: string,
  args: string[],
): { child: ChildProcess; done: Promise<CliRun>; stderr: () => string } {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'libs/market-data/src/cli/data.cli.ts',
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, EMBEDDED_DB_DIR: dataDir, DATABASE_URL: '', PACIFICA_NETWORK: 'sim' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolveRun) =>
    child.once('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('summary '));
      const summary = line ? (JSON.parse(line.slice(8)) as SymbolSummary[]) : [];
      resolveRun({ code, stdout, stderr, summary });
    }),
  );
  return { child, done, stderr: () => stderr };
}

async function pollUntil(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens the CLI's data directory (the CLI has exited) for the test's own queries. */
async function withDatabase<T>(dataDir: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const server = await startEmbeddedTimescale({ dataDir, port: 0, logger: ERRORS_ONLY });
  const db = createDataSource({ url: server.url, embedded: true });
  try {
    await db.initialize();
    return await work(db);
  } finally {
    if (db.isInitialized) {
      await db.destroy();
    }
    await server.stop();
  }
}

describe('npm run data -- download (a process, the simulator over HTTP, the embedded database)', () => {
  let sim: PacificaSim;
  let dataDir: string;
  let client: PacificaRestClient;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 5, bookIntervalMs: 0 });
    client = new PacificaRestClient({ baseUrl: sim.url });
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-history-'));
    await copyTemplateDataDir(dataDir);
  });

  afterAll(async () => {
    await sim.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const download = (symbols: string, from: number, to: number, extra: string[] = []) =>
    startCli(dataDir, [
      'download',
      '--symbols',
      symbols,
      '--timeframe',
      '1m',
      '--from',
      iso(from),
      '--to',
      iso(to),
      '--url',
      sim.url,
      ...extra,
    ]);

  it(
    'stores the klines so that the candle views serve them, then skips them on a rerun',
    async () => {
      const to = FROM + 180 * MINUTE;
      const run = await download('BTC,ETH', FROM, to).done;
      expect(run).toMatchObject({ code: 0 });
      expect(run.summary).toEqual(
        ['BTC', 'ETH'].map((symbol) => ({
          symbol,
          barsWritten: 180,
          rowsWritten: 720,
          barsSkipped: 0,
          gaps: [],
          missingBars: 0,
        })),
      );
      expect(run.stdout).toMatch(/symbol +bars written/);

      const klines = await client.getKlines('ETH', '1m', FROM, to - 1);
      const [hour] = await client.getKlines('ETH', '1h', FROM, FROM + 60 * MINUTE - 1);
      await withDatabase(dataDir, async (db) => {
        const candles = new TypeOrmCandleReadModel(db);
        const minutes = await candles.candles({
          symbol: 'ETH',
          timeframe: '1m',
          from: new Date(FROM),
          to: new Date(to - 1),
          limit: 1_000,
        });
        const comparable = (c: {
          open: string;
          high: string;
          low: string;
          close: string;
          volume: string;
        }) => [c.open, c.high, c.low, c.close, c.volume].map(Number);
        expect(minutes.map((c) => [Date.parse(c.time), ...comparable(c)]).reverse()).toEqual(
          klines.map((k) => [k.openTime, ...comparable(k)]),
        );
        const [servedHour] = await candles.candles({
          symbol: 'ETH',
          timeframe: '1h',
          from: new Date(FROM),
          to: new Date(FROM),
          limit: 1,
        });
        expect(comparable(servedHour)).toEqual(comparable(hour));
      });

      const rerun = await download('BTC,ETH', FROM, to).done;
      expect(rerun.code).toBe(0);
      expect(rerun.summary.map((s) => [s.barsWritten, s.barsSkipped, s.missingBars])).toEqual([
        [0, 180, 0],
        [0, 180, 0],
      ]);
    },
    CLI_TEST_MS,
  );

  it(
    'serves all 192 15m candles of each of two symbols downloaded together over two days',
    async () => {
      const from = FROM + 20 * DAY;
      const to = from + 2 * DAY;
      const run = await download('BTC,ETH', from, to, ['--timeframe', '15m']).done;
      expect(run.code).toBe(0);
      expect(run.summary.map((s) => [s.symbol, s.barsWritten, s.missingBars])).toEqual([
        ['BTC', 192, 0],
        ['ETH', 192, 0],
      ]);
      await withDatabase(dataDir, async (db) => {
        const candles = new TypeOrmCandleReadModel(db);
        for (const symbol of ['BTC', 'ETH']) {
          const served = await candles.candles({
            symbol,
            timeframe: '15m',
            from: new Date(from),
            to: new Date(to - 1),
            limit: 500,
          });
          expect([symbol, served.length]).toEqual([symbol, 192]);
        }
      });
    },
    CLI_TEST_MS,
  );

  it(
    'continues an interrupted run: no duplicates, no gaps',
    async () => {
      const from = FROM + 2 * DAY;
      const to = from + 10_000 * MINUTE;
      const first = download('BTC', from, to);
      await pollUntil(() => /progress BTC 4000 bars/.test(first.stderr()), 'the first window');
      first.child.kill('SIGKILL');
      await first.done;
      await pollUntil(
        () => findEmbeddedChildPid(resolve(dataDir)) === undefined,
        'the database to close',
      );

      const rerun = await download('BTC', from, to).done;
      expect(rerun.code).toBe(0);
      const [summary] = rerun.summary;
      expect(summary.barsSkipped).toBeGreaterThanOrEqual(4_000);
      expect(summary.barsWritten).toBeGreaterThan(0);
      expect(summary.barsSkipped + summary.barsWritten).toBe(10_000);
      expect(summary.missingBars).toBe(0);

      await withDatabase(dataDir, async (db) => {
        const [row]: { rows: string; ids: string; bars: string }[] = await db.query(
          `SELECT count(*) AS rows, count(DISTINCT trade_id) AS ids,
           count(DISTINCT date_trunc('minute', time)) AS bars
         FROM ticks WHERE symbol = 'BTC' AND time >= $1 AND time < $2`,
          [iso(from), iso(to)],
        );
        expect(row).toEqual({ rows: '40000', ids: '40000', bars: '10000' });
      });
    },
    CLI_TEST_MS,
  );

  it('backs off and retries when the exchange answers 429', async () => {
    const from = FROM + 5 * DAY;
    sim.addFault({ mode: 'error', path: '/kline', status: 429, count: 1 });
    const run = await download('ETH', from, from + 30 * MINUTE).done;
    expect(run.code).toBe(0);
    expect(run.summary[0]).toMatchObject({ barsWritten: 30, missingBars: 0 });
    expect(sim.faults.take('/kline')).toBeUndefined();
  });

  it(
    'exits 1 and says so when the candle views cannot be refreshed; the bars stay stored',
    async () => {
      const brokenDir = await mkdtemp(join(tmpdir(), 'nexwave-history-broken-'));
      try {
        await copyTemplateDataDir(brokenDir);
        await withDatabase(brokenDir, async (db) => {
          await runMigrations(db);
          await db.query('DROP MATERIALIZED VIEW candles_15m CASCADE');
        });
        const run = await startCli(brokenDir, [
          'download',
          '--symbols',
          'BTC',
          '--from',
          iso(FROM),
          '--to',
          iso(FROM + 10 * MINUTE),
          '--url',
          sim.url,
        ]).done;
        expect(run.code).toBe(1);
        expect(run.summary).toMatchObject([{ symbol: 'BTC', barsWritten: 10 }]);
        expect(run.stderr).toMatch(/the candle views were not refreshed .* rerun the same command/);
      } finally {
        await rm(brokenDir, { recursive: true, force: true });
      }
    },
    CLI_TEST_MS,
  );

  it('refuses politely while Nexwave holds the embedded database', async () => {
    const server = await startEmbeddedTimescale({ dataDir, port: 0, logger: ERRORS_ONLY });
    try {
      const run = await download('BTC', FROM, FROM + MINUTE).done;
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/stop it and rerun, or point DATABASE_URL/);
    } finally {
      await server.stop();
    }
  });
});
