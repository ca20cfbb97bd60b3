import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { mergeCandles, runBacktest, type BacktestSummary } from '@nexwave/backtest';

import { runCli } from '../../../test/support/cli-process';
import { simulatedData } from '../src/cli/candle-source';
import { parseOptimiseArgs, type OptimiseOptions } from '../src/cli/optimise-args';

const OPTIMISE = 'libs/backtesting/src/cli/optimise.cli.ts';
const ARGS = [
  '--strategy',
  'mean_reversion',
  '--symbols',
  'BTC,ETH',
  '--timeframe',
  '1h',
  '--source',
  'sim',
  '--seed',
  '3',
  '--days',
  '20',
  '--grid',
  'lookback=10:30:10',
  '--grid',
  'entryStdDevs=1.5:2.5:0.5',
  '--param',
  'takeProfitPct=3',
  '--objective',
  'pnl',
];

interface OptimiseJson {
  objective: string;
  sets: number;
  workers: number;
  candles: number;
  source: string;
  ranking: {
    rank: number;
    parameters: Record<string, number>;
    score: number;
    summary: BacktestSummary;
  }[];
  walkForward: {
    fold: number;
    inSample: { parameters: Record<string, number> };
    outOfSample: { from: string; summary: BacktestSummary };
  }[];
}

describe('npm run optimise (a process, --source sim: no database)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexwave-optimise-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--json prints one object ranking every set as runBacktest scores it, the same with 1 and 2 workers; --heatmap writes one cell per set', async () => {
    const heatmap = join(dir, 'heat <map>.html');
    const [one, two] = await Promise.all([
      runCli(OPTIMISE, [...ARGS, '--json', '--workers', '1'], {}),
      runCli(
        OPTIMISE,
        [...ARGS, '--json', '--workers', '2', '--walk-forward', '2', '--heatmap', heatmap],
        {},
      ),
    ]);
    expect(one).toMatchObject({ code: 0 });
    expect(two).toMatchObject({ code: 0 });
    const byOne = JSON.parse(one.stdout) as OptimiseJson;
    const byTwo = JSON.parse(two.stdout) as OptimiseJson;
    expect(byOne).toMatchObject({
      objective: 'pnl',
      sets: 9,
      workers: 1,
      source: 'sim',
      candles: 2 * 20 * 24,
    });
    expect(byTwo.workers).toBe(2);
    expect(byTwo.ranking).toEqual(byOne.ranking);

    const { request, sets } = parseOptimiseArgs(ARGS) as OptimiseOptions;
    const { markets, series } = simulatedData(3, request);
    const direct = sets
      .map((parameters, index) => {
        const { summary } = runBacktest({
          strategy: 'mean_reversion',
          parameters: { ...request.parameters, ...parameters },
          timeframe: '1h',
          symbols: ['BTC', 'ETH'],
          markets,
          candles: mergeCandles(series),
        });
        return {
          index,
          parameters,
          summary: JSON.parse(JSON.stringify(summary)) as BacktestSummary,
        };
      })
      .sort((a, b) => Number(b.summary.pnl) - Number(a.summary.pnl) || a.index - b.index);
    expect(new Set(direct.map((d) => d.summary.pnl)).size).toBeGreaterThan(3);
    expect(byOne.ranking).toEqual(
      direct.map((d, i) => ({
        rank: i + 1,
        parameters: d.parameters,
        score: Number(d.summary.pnl),
        summary: d.summary,
      })),
    );

    expect(byTwo.walkForward).toHaveLength(2);
    const third = (request.to.getTime() - request.from.getTime()) / 3;
    expect(byTwo.walkForward.map((f) => f.outOfSample.from)).toEqual(
      [1, 2].map((i) => new Date(request.from.getTime() + i * third).toISOString()),
    );
    expect(byTwo.walkForward.map((f) => f.outOfSample.summary.candles)).toEqual([2 * 160, 2 * 160]);

    const html = await readFile(heatmap, 'utf8');
    const cells = [
      ...html.matchAll(
        /<td class="cell"[^>]* data-x="([^"]*)" data-y="([^"]*)" data-score="([^"]*)"/g,
      ),
    ];
    expect(cells).toHaveLength(9);
    for (const { parameters, score } of byOne.ranking) {
      expect(
        cells.some(
          ([, x, y, s]) =>
            Number(x) === parameters.lookback &&
            Number(y) === parameters.entryStdDevs &&
            Number(s) === score,
        ),
      ).toBe(true);
    }
    expect(html).not.toMatch(/<script|https?:\/\//);
  }, 180_000);

  it('prints the ranked table without --json', async () => {
    const run = await runCli(OPTIMISE, [...ARGS, '--workers', '1'], {});
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^# +lookback +entryStdDevs +pnl +trades/);
    expect(lines).toHaveLength(1 + 9);
  }, 180_000);

  it('exits 2 with one line naming a bad --grid or --objective, nothing on stdout', async () => {
    const runs = await Promise.all(
      [
        ['--grid', 'lookback=10:x:5'],
        ['--objective', 'alpha'],
      ].map((extra) => runCli(OPTIMISE, [...ARGS, ...extra], {})),
    );
    const reasons = [/^--grid parameter lookback: /, /^--objective alpha: expected one of/];
    runs.forEach((run, i) => {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(reasons[i]);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    });
  }, 120_000);
});
