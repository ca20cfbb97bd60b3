import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { copyTemplateDataDir } from '@nexwave/database/testing';
import { startPacificaSim } from '@nexwave/pacifica-sim/testing';

import { startAllInOne, type AllInOne } from '../support/all-in-one';
import { callApi, createApiKey, type Answer } from '../support/api-client';
import { runCli, succeeded } from '../support/cli-process';

const JWT_SECRET = 'backtests-e2e-jwt-secret-of-at-least-32-chars';
const ADMIN_API_KEY = `nxk_00000000000000ab_${'C'.repeat(43)}`;
const HOUR = 3_600_000;
// Long before the simulator started: its seeded history, downloaded as 1m klines.
const FROM = Date.UTC(2025, 8, 1);
const TO = FROM + 48 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const REQUEST = {
  strategy: 'mean_reversion',
  parameters: { lookback: 10, entryStdDevs: 1 },
  symbols: ['BTC'],
  timeframe: '15m',
  from: iso(FROM),
  to: iso(TO),
};

// The CLI and the API on one database: a run started over REST (role trade) executes in the
// all-in-one app's process, reports its progress and ends with the CLI's summary.
describe('backtests API (all-in-one app as a process, history downloaded from a simulator)', () => {
  let dataDir: string;
  let allInOne: AllInOne | undefined;
  let base: string;
  let cliSummary: Record<string, unknown>;
  const keys = { read: '', trade: '' };

  const call = <T = Record<string, unknown>>(
    method: string,
    path: string,
    credential?: string,
    body?: unknown,
  ) => callApi<T>(base, method, path, credential, body);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-backtests-api-'));
    await copyTemplateDataDir(dataDir);
    const sim = await startPacificaSim({ port: 0, seed: 5, bookIntervalMs: 0 });
    try {
      const env = { EMBEDDED_DB_DIR: dataDir, PACIFICA_SIM_PORT: new URL(sim.url).port };
      const download = await runCli(
        'libs/market-data/src/cli/data.cli.ts',
        [
          'download',
          '--symbols',
          'BTC',
          '--timeframe',
          '1m',
          '--from',
          REQUEST.from,
          '--to',
          REQUEST.to,
        ],
        env,
      );
      succeeded(download, 'npm run data');
      const backtest = await runCli(
        'libs/backtesting/src/cli/backtest.cli.ts',
        [
          '--strategy',
          REQUEST.strategy,
          '--symbols',
          'BTC',
          '--timeframe',
          REQUEST.timeframe,
          '--from',
          REQUEST.from,
          '--to',
          REQUEST.to,
          '--param',
          'lookback=10',
          '--param',
          'entryStdDevs=1',
          '--json',
        ],
        env,
      );
      const { runId: _runId, ...summary } = JSON.parse(
        succeeded(backtest, 'npm run backtest'),
      ) as Record<string, unknown>;
      cliSummary = summary;
    } finally {
      await sim.stop();
    }

    allInOne = await startAllInOne(
      {
        EMBEDDED_DB_DIR: dataDir,
        SIM_WHALE_INTERVAL_SECONDS: '0',
        SYMBOLS: 'BTC',
        ADMIN_API_KEY,
        JWT_SECRET,
      },
      90_000,
    );
    base = allInOne.base;
    for (const role of ['read', 'trade'] as const) {
      keys[role] = (await createApiKey(base, ADMIN_API_KEY, role, `backtests e2e ${role}`)).key;
    }
  }, 300_000);

  afterAll(async () => {
    await allInOne?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('POST starts a run (202); GET shows its progress, then the summary the CLI printed', async () => {
    const started = await call<{ id: string; status: string }>(
      'POST',
      '/api/v1/backtests',
      keys.trade,
      REQUEST,
    );
    expect(started).toMatchObject({ status: 202, body: { status: 'running' } });

    const deadline = Date.now() + 120_000;
    let run: Answer;
    do {
      run = await call('GET', `/api/v1/backtests/${started.body.id}`, keys.read);
      expect(run.status).toBe(200);
      if (run.body.status !== 'running') {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } while (Date.now() < deadline);
    expect(run.body).toMatchObject({ status: 'succeeded', summary: cliSummary, error: null });
    const progress = run.body.progress as { candlesDone: number; candlesTotal: number };
    expect(progress.candlesDone).toBe(progress.candlesTotal);
    expect(progress.candlesTotal).toBe(cliSummary.candles);
    expect((run.body.trades as unknown[]).length).toBe(cliSummary.trades);
    expect((run.body.equityCurve as unknown[]).length).toBeGreaterThan(0);

    const list = await call<{ items: { id: string }[]; total: number }>(
      'GET',
      '/api/v1/backtests?limit=1',
      keys.read,
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((item) => item.id)).toEqual([started.body.id]);
  }, 180_000);

  it('answers 400, 401, 403 and 404 with the reason', async () => {
    const badStrategy = await call('POST', '/api/v1/backtests', keys.trade, {
      ...REQUEST,
      strategy: 'nope',
    });
    expect(badStrategy.status).toBe(400);
    expect(JSON.stringify(badStrategy.body)).toMatch(/strategy must be one of mean_reversion/);
    const badParameter = await call('POST', '/api/v1/backtests', keys.trade, {
      ...REQUEST,
      parameters: { lookback: 'ten' },
    });
    expect(badParameter.status).toBe(400);
    expect(JSON.stringify(badParameter.body)).toMatch(/lookback/);
    expect((await call('GET', '/api/v1/backtests')).status).toBe(401);
    expect((await call('POST', '/api/v1/backtests', keys.read, REQUEST)).status).toBe(403);
    const unknown = await call(
      'GET',
      '/api/v1/backtests/0190d1c6-0000-7000-8000-000000000000',
      keys.read,
    );
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toMatch(/no backtest run has id/);
  }, 60_000);

  it('serves backtests, backtest(id) and the runBacktest mutation over GraphQL', async () => {
    const graphql = async (query: string, credential: string) =>
      (
        await call<{ data?: Record<string, unknown>; errors?: unknown[] }>(
          'POST',
          '/graphql',
          credential,
          { query },
        )
      ).body;
    const started = await graphql(
      `mutation { runBacktest(input: { strategy: "mean_reversion", symbols: ["BTC"], timeframe: "15m",
         from: "${REQUEST.from}", to: "${REQUEST.to}", parameters: "{\\"lookback\\": 10, \\"entryStdDevs\\": 1}" }) { id status } }`,
      keys.trade,
    );
    const id = (started.data?.runBacktest as { id: string }).id;
    const deadline = Date.now() + 120_000;
    let run: { status: string; summary: Record<string, unknown> | null } | undefined;
    do {
      const answer = await graphql(
        `{ backtest(id: "${id}") { status summary { trades pnl sharpe maxDrawdown } } }`,
        keys.read,
      );
      run = answer.data?.backtest as typeof run;
      if (run?.status !== 'running') {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } while (Date.now() < deadline);
    expect(run).toEqual({
      status: 'succeeded',
      summary: {
        trades: cliSummary.trades,
        pnl: cliSummary.pnl,
        sharpe: cliSummary.sharpe,
        maxDrawdown: cliSummary.maxDrawdown,
      },
    });
    const listed = await graphql('{ backtests(limit: 1) { id } }', keys.read);
    expect(listed.data?.backtests).toEqual([{ id }]);
    const refused = await graphql(
      `mutation { runBacktest(input: { strategy: "mean_reversion", symbols: ["BTC"], timeframe: "15m", from: "${REQUEST.from}", to: "${REQUEST.to}" }) { id } }`,
      keys.read,
    );
    expect(JSON.stringify(refused.errors)).toMatch(/FORBIDDEN/);
  }, 180_000);
});
