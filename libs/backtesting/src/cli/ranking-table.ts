import type { BacktestSummary, Objective, OptimiseRun, WalkForwardResult } from '@nexwave/backtest';

const fixed = (value: number | null, digits: number) =>
  value === null ? 'n/a' : value.toFixed(digits);

type Figure = readonly [string, string, (summary: BacktestSummary) => string];

const FIGURES: readonly Figure[] = [
  ['trades', 'trades', (s) => String(s.trades)],
  ['pnl', 'pnl', (s) => Number(s.pnl).toFixed(2)],
  ['returnPct', 'return %', (s) => s.returnPct.toFixed(2)],
  ['sharpe', 'sharpe', (s) => fixed(s.sharpe, 3)],
  ['maxDrawdownPct', 'max dd %', (s) => s.maxDrawdownPct.toFixed(2)],
  ['winRate', 'win %', (s) => fixed(s.winRate === null ? null : s.winRate * 100, 1)],
  ['profitFactor', 'pf', (s) => fixed(s.profitFactor, 3)],
];

/** The best `top` runs as a text table: rank, the varied parameters, the objective, key figures. */
export function rankingTable(
  runs: readonly OptimiseRun[],
  parameters: readonly string[],
  objective: Objective,
  top = 20,
): string {
  const figures = FIGURES.filter(([key]) => key !== objective);
  const header = ['#', ...parameters, objective, ...figures.map(([, name]) => name)];
  const rows = runs
    .slice(0, top)
    .map((run, i) => [
      String(i + 1),
      ...parameters.map((name) => String(run.parameters[name])),
      fixed(run.score, 4),
      ...figures.map(([, , show]) => show(run.summary)),
    ]);
  return table([header, ...rows]);
}

/** Per fold: its windows, the set chosen in-sample and its score there and out of sample. */
export function walkForwardTable(
  results: readonly WalkForwardResult[],
  parameters: readonly string[],
  objective: Objective,
): string {
  const header = [
    'fold',
    'in-sample',
    'out-of-sample',
    ...parameters,
    `${objective} in`,
    `${objective} out`,
    'trades out',
    'pnl out',
  ];
  const day = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  const rows = results.map(({ fold, best, outOfSample, outOfSampleScore }) => [
    String(fold.index + 1),
    `${day(fold.inSample.from)}..${day(fold.inSample.to)}`,
    `${day(fold.outOfSample.from)}..${day(fold.outOfSample.to)}`,
    ...parameters.map((name) => String(best.parameters[name])),
    fixed(best.score, 4),
    fixed(outOfSampleScore, 4),
    String(outOfSample.trades),
    Number(outOfSample.pnl).toFixed(2),
  ]);
  return table([header, ...rows]);
}

function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  '),
    )
    .join('\n');
}
