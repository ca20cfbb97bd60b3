import type { Objective, OptimiseRun, WalkForwardResult } from '@nexwave/backtest';

const fixed = (value: number | null, digits: number) =>
  value === null ? 'n/a' : value.toFixed(digits);

/** The best `top` runs as a text table: rank, the varied parameters, the objective, key figures. */
export function rankingTable(
  runs: readonly OptimiseRun[],
  parameters: readonly string[],
  objective: Objective,
  top = 20,
): string {
  const header = [
    '#',
    ...parameters,
    objective,
    'trades',
    'pnl',
    'return %',
    'sharpe',
    'max dd %',
    'win %',
    'pf',
  ];
  const rows = runs
    .slice(0, top)
    .map((run, i) => [
      String(i + 1),
      ...parameters.map((name) => String(run.parameters[name])),
      fixed(run.score, 4),
      String(run.summary.trades),
      Number(run.summary.pnl).toFixed(2),
      run.summary.returnPct.toFixed(2),
      fixed(run.summary.sharpe, 3),
      run.summary.maxDrawdownPct.toFixed(2),
      fixed(run.summary.winRate === null ? null : run.summary.winRate * 100, 1),
      fixed(run.summary.profitFactor, 3),
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
