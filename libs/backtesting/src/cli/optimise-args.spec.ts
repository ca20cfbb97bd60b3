import { BacktestArgsError } from './backtest-args';
import { parseOptimiseArgs, type OptimiseOptions } from './optimise-args';

const BASE = [
  '--strategy',
  'mean_reversion',
  '--symbols',
  'BTC',
  '--from',
  '2026-01-01',
  '--to',
  '2026-01-11',
];
const GRID = ['--grid', 'lookback=10:40:5', '--grid', 'entryStdDevs=1.5:3:0.5'];
const options = (argv: string[]) => parseOptimiseArgs(argv) as OptimiseOptions;

describe('parseOptimiseArgs', () => {
  it('multiplies the grids, fixes --param, ranks by sharpe with the default workers', () => {
    const args = options([...BASE, ...GRID, '--param', 'stopLossPct=2']);
    expect(args.sets).toHaveLength(7 * 4);
    expect(args.sets[5]).toEqual({ lookback: 15, entryStdDevs: 2 });
    expect(args.request.parameters).toMatchObject({ stopLossPct: 2, timeframe: '1h' });
    expect(args).toMatchObject({
      objective: 'sharpe',
      folds: [],
      json: false,
      source: { kind: 'stored' },
    });
    expect(args.workers).toBeGreaterThanOrEqual(1);
  });

  it('--random N --seed S: N sets of the grid, the same for the same seed', () => {
    const args = options([...BASE, ...GRID, '--random', '10', '--seed', '7']);
    expect(args.sets).toHaveLength(10);
    expect(options([...BASE, ...GRID, '--random', '10', '--seed', '7']).sets).toEqual(args.sets);
    expect(options([...BASE, ...GRID, '--random', '10', '--seed', '8']).sets).not.toEqual(
      args.sets,
    );
  });

  it('--walk-forward k: k folds over [from, to), each judged on the next window', () => {
    const { folds } = options([...BASE, ...GRID, '--walk-forward', '4']);
    const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
    expect(folds.map((f) => [f.inSample.from, f.outOfSample.from, f.outOfSample.to])).toEqual([
      [day(0), day(2), day(4)],
      [day(2), day(4), day(6)],
      [day(4), day(6), day(8)],
      [day(6), day(8), day(10)],
    ]);
  });

  it('--source sim: from 2026-01-01 for --days, no database', () => {
    const args = options([
      '--strategy',
      'mean_reversion',
      '--symbols',
      'BTC',
      ...GRID,
      '--source',
      'sim',
      '--days',
      '3',
      '--seed',
      '5',
    ]);
    expect(args.source).toEqual({ kind: 'sim', seed: 5 });
    expect(args.request.from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(args.request.to.toISOString()).toBe('2026-01-04T00:00:00.000Z');
  });

  it('--heatmap: the first two grids, or --heatmap-axes', () => {
    expect(options([...BASE, ...GRID, '--heatmap', 'h.html']).heatmap).toEqual({
      path: 'h.html',
      x: 'lookback',
      y: 'entryStdDevs',
    });
    expect(
      options([...BASE, ...GRID, '--heatmap', 'h.html', '--heatmap-axes', 'entryStdDevs,lookback'])
        .heatmap,
    ).toEqual({ path: 'h.html', x: 'entryStdDevs', y: 'lookback' });
  });

  it.each([
    [
      ['--grid', 'lookback=10:40'],
      /^--grid parameter lookback: from:to:step must be three numbers/,
    ],
    [['--grid', 'lookback=40:10:5'], /^--grid parameter lookback: step must be positive/],
    [['--grid', 'lookback=1:5:1'], /^--grid: lookback: /],
    [['--grid', 'nope=1:2:1'], /^--grid: .*nope/],
    [
      ['--grid', 'lookback=10', '--grid', 'lookback=20'],
      /^--grid parameter lookback is given twice/,
    ],
    [
      ['--grid', 'lookback=10', '--param', 'lookback=20'],
      /^--grid lookback: also given as --param/,
    ],
    [[...GRID, '--objective', 'alpha'], /^--objective alpha: expected one of sharpe, /],
    [[...GRID, '--walk-forward', '0'], /^--walk-forward: expected an integer of at least 1/],
    [[...GRID, '--random', 'x'], /^--random: expected an integer/],
    [[...GRID, '--workers', '0'], /^--workers: expected an integer of at least 1/],
    [[...GRID, '--source', 'csv'], /^--source: expected stored or sim/],
    [[...GRID, '--days', '3'], /^--days: only with --source sim/],
    [
      ['--grid', 'lookback=10:20:5', '--heatmap', 'h.html'],
      /^--heatmap: needs two --grid parameters/,
    ],
    [
      [...GRID, '--heatmap', 'h.html', '--heatmap-axes', 'lookback,stopLossPct'],
      /^--heatmap-axes: stopLossPct is not a --grid parameter/,
    ],
    [[], /^--grid is required/],
  ])('refuses %j naming the option and parameter', (extra, reason) => {
    expect(() => parseOptimiseArgs([...BASE, ...extra])).toThrow(BacktestArgsError);
    expect(() => parseOptimiseArgs([...BASE, ...extra])).toThrow(reason);
  });

  it('refuses a period too short for its folds', () => {
    expect(() =>
      parseOptimiseArgs([
        ...BASE.slice(0, 6),
        '--to',
        '2026-01-01T00:00:00.002Z',
        ...GRID,
        '--walk-forward',
        '4',
      ]),
    ).toThrow(/^--walk-forward: \[from, to\) is too short/);
  });
});
