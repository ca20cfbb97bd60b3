import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { mergeCandles, runBacktest } from '@nexwave/backtest';

import { runCli } from '../../../test/support/cli-process';
import { parseBacktestArgs } from '../src/cli/backtest-args';
import { simulatedData } from '../src/cli/candle-source';

const BACKTEST = 'libs/backtesting/src/cli/backtest.cli.ts';
const ARGS = [
  '--strategy',
  'mean_reversion',
  '--symbols',
  'BTC,ETH',
  '--source',
  'sim',
  '--seed',
  '4',
  '--days',
  '20',
  '--param',
  'lookback=10',
];

describe('npm run backtest --source sim (a process, no database)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nexwave-backtest-sim-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--json prints one object, the summary runBacktest gives on the walk; --report writes the page', async () => {
    const report = join(dir, 'report.html');
    const run = await runCli(BACKTEST, [...ARGS, '--json', '--report', report], {});
    expect(run.code).toBe(0);
    const { runId, ...summary } = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(runId).toBeNull();

    const args = parseBacktestArgs(ARGS);
    if (args.command !== 'run') {
      throw new Error('not a run');
    }
    const { markets, series } = simulatedData(4, args.request);
    const direct = runBacktest({
      strategy: 'mean_reversion',
      parameters: args.request.parameters,
      timeframe: '1h',
      symbols: ['BTC', 'ETH'],
      markets,
      candles: mergeCandles(series),
    });
    expect(direct.summary.trades).toBeGreaterThan(0);
    expect(summary).toEqual(JSON.parse(JSON.stringify(direct.summary)));

    const html = await readFile(report, 'utf8');
    const data = JSON.parse(
      html.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)![1],
    ) as { symbols: { symbol: string; bars: unknown[] }[] };
    expect(data.symbols.map((s) => [s.symbol, s.bars.length])).toEqual([
      ['BTC', 480],
      ['ETH', 480],
    ]);
  }, 120_000);
});
