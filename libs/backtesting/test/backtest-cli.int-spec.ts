import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { mergeCandles, runBacktest } from '@nexwave/backtest';
import { createDataSource, startEmbeddedTimescale } from '@nexwave/database';
import { copyTemplateDataDir, ERRORS_ONLY } from '@nexwave/database/testing';
import { PacificaRestClient } from '@nexwave/pacifica';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { runCli, succeeded } from '../../../test/support/cli-process';
import { StoredBacktestDataAdapter } from '../src/infrastructure/data/stored-backtest-data.adapter';
import {
  BACKTESTING_ENTITIES,
  BacktestRunEntity,
} from '../src/infrastructure/persistence/backtest-run.entity';

const HOUR = 3_600_000;
const DAYS = 2;
// Long before the simulator started: its seeded history.
const FROM = Date.UTC(2025, 8, 1);
const TO = FROM + DAYS * 24 * HOUR;
// 1m klines stored, replayed as 15m candles (the views roll them up).
const iso = (ms: number) => new Date(ms).toISOString();
const BACKTEST = 'libs/backtesting/src/cli/backtest.cli.ts';
const OPTIMISE = 'libs/backtesting/src/cli/optimise.cli.ts';

describe('npm run backtest (a process on the embedded database, markets from the simulator)', () => {
  let sim: PacificaSim;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    sim = await startPacificaSim({ port: 0, seed: 5, bookIntervalMs: 0 });
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-backtest-'));
    await copyTemplateDataDir(dataDir);
    env = { EMBEDDED_DB_DIR: dataDir, PACIFICA_SIM_PORT: new URL(sim.url).port };
    const download = await runCli(
      'libs/market-data/src/cli/data.cli.ts',
      [
        'download',
        '--symbols',
        'BTC,ETH',
        '--timeframe',
        '1h',
        '--from',
        iso(FROM),
        '--to',
        iso(TO),
        '--url',
        sim.url,
      ],
      env,
    );
    succeeded(download, 'npm run data');
  }, 180_000);

  afterAll(async () => {
    await sim.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const args = [
    '--strategy',
    'mean_reversion',
    '--symbols',
    'BTC,ETH',
    '--timeframe',
    '15m',
    '--from',
    iso(FROM),
    '--to',
    iso(TO),
    '--param',
    'lookback=10',
    '--param',
    'entryStdDevs=1',
  ];

  it('--json prints one summary object, the same as a direct runBacktest, and stores the run', async () => {
    const run = await runCli(BACKTEST, [...args, '--json'], env);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const field of [
      'trades',
      'pnl',
      'returnPct',
      'sharpe',
      'sortino',
      'maxDrawdown',
      'winRate',
      'profitFactor',
      'exposure',
    ]) {
      expect(output).toHaveProperty(field);
    }
    expect(output.candles).toBeGreaterThan(0);
    expect(output.trades).toBeGreaterThan(0);

    const server = await startEmbeddedTimescale({ dataDir, port: 0, logger: ERRORS_ONLY });
    const db = createDataSource({
      url: server.url,
      embedded: true,
      entities: BACKTESTING_ENTITIES,
    });
    try {
      await db.initialize();
      const data = new StoredBacktestDataAdapter(db, new PacificaRestClient({ baseUrl: sim.url }));
      const [btc, eth] = await Promise.all(
        ['BTC', 'ETH'].map((s) => data.candles(s, '15m', new Date(FROM), new Date(TO))),
      );
      expect(btc.length).toBeGreaterThan(0);
      expect(eth.length).toBe(btc.length);
      const direct = runBacktest({
        strategy: 'mean_reversion',
        parameters: { lookback: 10, entryStdDevs: 1 },
        timeframe: '15m',
        symbols: ['BTC', 'ETH'],
        markets: await data.markets(['BTC', 'ETH']),
        candles: mergeCandles([btc, eth]),
      });
      const { runId, ...summary } = output;
      expect(summary).toEqual(JSON.parse(JSON.stringify(direct.summary)));

      const stored = await db
        .getRepository(BacktestRunEntity)
        .findOneByOrFail({ id: runId as string });
      expect(stored).toMatchObject({
        status: 'succeeded',
        strategy: 'mean_reversion',
        symbols: ['BTC', 'ETH'],
        candlesDone: btc.length + eth.length,
        candlesTotal: btc.length + eth.length,
        summary,
      });
      expect(stored.parameters).toMatchObject({ lookback: 10, entryStdDevs: 1, timeframe: '15m' });
      expect(stored.trades).toHaveLength(direct.trades.length);
    } finally {
      await db.destroy();
      await server.stop();
    }
  }, 180_000);

  it('--report writes a self-contained HTML report of the run; --json stays one object', async () => {
    const report = join(dataDir, 'report.html');
    const run = await runCli(BACKTEST, [...args, '--json', '--report', report], env);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { runId: string; trades: number; candles: number };
    expect(output.trades).toBeGreaterThan(0);
    const html = await readFile(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`run ${output.runId}`);
    const data = JSON.parse(
      html.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)![1],
    ) as { symbols: { symbol: string; bars: unknown[]; markers: unknown[] }[] };
    expect(data.symbols.map((s) => s.symbol)).toEqual(['BTC', 'ETH']);
    expect(data.symbols.reduce((n, s) => n + s.bars.length, 0)).toBe(output.candles);
    expect(data.symbols.reduce((n, s) => n + s.markers.length, 0)).toBeGreaterThanOrEqual(
      output.trades,
    );
    expect(html).not.toMatch(/<script[^>]+src=/);
  }, 180_000);

  it('npm run optimise ranks a grid on the same stored candles (--json)', async () => {
    const grid = ['--grid', 'lookback=10:20:10', '--grid', 'entryStdDevs=1:1.5:0.5'];
    const run = await runCli(
      OPTIMISE,
      [...args.slice(0, 10), ...grid, '--objective', 'pnl', '--workers', '2', '--json'],
      env,
    );
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as {
      source: string;
      ranking: { parameters: object; summary: { pnl: string; candles: number } }[];
    };
    expect(output.source).toBe('stored');
    expect(output.ranking).toHaveLength(4);
    const pnls = output.ranking.map((r) => Number(r.summary.pnl));
    expect(pnls).toEqual([...pnls].sort((a, b) => b - a));
    const single = await runCli(BACKTEST, [...args, '--json'], env);
    const { runId, ...summary } = JSON.parse(single.stdout) as Record<string, unknown>;
    expect(runId).toBeDefined();
    expect(
      output.ranking.find(
        (r) => JSON.stringify(r.parameters) === '{"lookback":10,"entryStdDevs":1}',
      )?.summary,
    ).toEqual(summary);
  }, 240_000);

  it('prints a summary table without --json', async () => {
    const run = await runCli(BACKTEST, args, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^trades +\d+$/m);
    expect(run.stdout).toMatch(/^max drawdown +/m);
    expect(run.stdout).toMatch(/^profit factor +/m);
  }, 180_000);

  it.each([
    [
      ['--strategy', 'nope', ...args.slice(2)],
      /--strategy: strategy must be one of mean_reversion/,
    ],
    [[...args, '--param', 'lookback=ten'], /--param: lookback: /],
    [[...args, '--param', 'lookback'], /--param lookback: expected name=value/],
    [[...args, '--timeframe', '2h'], /--timeframe: /],
    [[...args, '--from', 'yesterday'], /--from: from must be an ISO 8601 date-time/],
    [[...args, '--bogus'], /Unknown option '--bogus'/],
  ])(
    'exits 2 with the reason for bad arguments %j',
    async (argv, reason) => {
      const run = await runCli(BACKTEST, argv, env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(reason);
      expect(run.stdout).toBe('');
    },
    60_000,
  );

  it('--help prints the usage', async () => {
    const run = await runCli(BACKTEST, ['--help'], env);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/Usage: npm run backtest/);
  }, 60_000);
});
