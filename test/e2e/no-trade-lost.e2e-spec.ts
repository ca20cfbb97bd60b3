import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { freePort, until } from '@nexwave/core/testing';
import { startEmbeddedTimescale } from '@nexwave/database';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { startApp, waitForOk, type AppProcess } from '../support/app-process';
import { SimTradeRecorder } from '../support/sim-trade-recorder';

const MARKETS = ['BTC', 'ETH', 'SOL', 'kBONK'];

/** The embedded database child of the app (it runs `embedded-timescale.child.cjs`). */
function databaseChildPid(app: AppProcess): number {
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(app.child.pid)], {
    encoding: 'utf8',
  });
  const line = children.split('\n').find((entry) => entry.includes('embedded-timescale.child'));
  if (!line) {
    throw new Error(`no embedded database child among:\n${children}`);
  }
  return Number(line.trim().split(/\s+/)[0]);
}

/** Opens the data directory the app left and counts the stored copies of each trade id. */
async function storedCopies(dataDir: string, ids: readonly string[]): Promise<Map<string, number>> {
  const database = await startEmbeddedTimescale({ dataDir, port: 0 });
  const client = new Client({ connectionString: database.url });
  try {
    await client.connect();
    const { rows } = await client.query<{ trade_id: string; copies: number }>(
      `SELECT trade_id, count(*)::int AS copies FROM ticks WHERE trade_id = ANY($1) GROUP BY trade_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.trade_id, row.copies]));
  } finally {
    await client.end();
    await database.stop();
  }
}

const spoolFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

// Issue 9, finding 3: the app's database child is killed (kill -9) while the app ingests from a
// simulator this test runs; the app is then stopped (SIGTERM) and started again on the same data
// directory. Every trade the simulator published meanwhile is stored exactly once, whether the
// app restarts its database child or not.
describe('all-in-one app: the database killed mid-ingest loses no trade', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexwave-no-loss-'));
  const dataDir = join(dir, 'pgdata');
  const spoolDir = join(dir, 'spool');
  let sim: PacificaSim;
  let recorder: SimTradeRecorder;
  let ticker: NodeJS.Timeout | undefined;
  let app: AppProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    sim = await startPacificaSim({ bookIntervalMs: 0 });
    recorder = await SimTradeRecorder.connect(sim.wsUrl, MARKETS);
    env = {
      PORT: String(await freePort()),
      EMBEDDED_DB_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      TICK_SPOOL_DIR: spoolDir,
      PACIFICA_API_URL: sim.url,
      PACIFICA_WS_URL: sim.wsUrl,
      PACIFICA_SIM_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    };
  }, 120_000);

  afterAll(async () => {
    clearInterval(ticker);
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    recorder.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = () => `http://127.0.0.1:${env['PORT']}`;

  async function boot(): Promise<AppProcess> {
    const started = startApp('nexwave', env);
    await waitForOk(`${base()}/health`, started, 90_000);
    return started;
  }

  async function hasCandle(symbol: string): Promise<boolean> {
    const response = await fetch(`${base()}/api/v1/candles/${symbol}/1m?limit=1`, {
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { candles?: unknown[] };
    return response.ok && (body.candles?.length ?? 0) > 0;
  }

  async function stop(running: AppProcess): Promise<void> {
    running.child.kill('SIGTERM');
    await running.exited;
  }

  it('stores every simulator trade of the period exactly once', async () => {
    app = await boot();
    ticker = setInterval(() => sim.tick(), 50);
    // Storing: each market's trades have reached the database.
    await until(
      async () => {
        for (const symbol of MARKETS) {
          if (!(await hasCandle(symbol))) {
            return false;
          }
        }
        return true;
      },
      'candles from the simulator',
      { timeoutMs: 60_000 },
    );
    const periodStart = recorder.lastId;
    await until(() => recorder.since(periodStart).length >= 50, 'trades before the kill', {
      timeoutMs: 60_000,
    });

    process.kill(databaseChildPid(app), 'SIGKILL');
    const killedAt = recorder.lastId;
    await until(() => recorder.since(killedAt).length >= 100, 'trades after the kill', {
      timeoutMs: 60_000,
    });
    clearInterval(ticker);
    await recorder.sync();
    const period = recorder.since(periodStart);

    await stop(app);
    expect(app.output()).not.toMatch(/trades between .* not stored/);
    const spooled = spoolFiles(spoolDir).length > 0;

    app = await boot();
    await until(() => spoolFiles(spoolDir).length === 0, 'the spool replayed', {
      timeoutMs: 60_000,
    });
    await stop(app);
    // Replayed at start-up exactly when the first run left a spool (it need not, if the
    // database came back before the shutdown).
    expect(app.output().includes('Replaying')).toBe(spooled);

    const copies = await storedCopies(
      dataDir,
      period.map((trade) => String(trade.id)),
    );
    const wrong = period.filter((trade) => copies.get(String(trade.id)) !== 1);
    expect({ trades: period.length, notStoredOnce: wrong }).toEqual({
      trades: period.length,
      notStoredOnce: [],
    });
  }, 300_000);
});
