import type { OptimiseRun } from '../optimise/optimise';
import { escapeHtml } from './html';

export interface OptimiseHeatmapOptions {
  readonly title: string;
  /** The objective the scores are of (`maxDrawdownPct` scores are negated: higher is better). */
  readonly objective: string;
  /** The parameter across (columns) and down (rows). */
  readonly x: string;
  readonly y: string;
}

type Value = number | string;

const compare = (a: Value, b: Value) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

/** Red (worst) to green (best) through pale yellow; grey when not measurable. */
function colour(score: number | null, low: number, high: number): string {
  if (score === null) {
    return '#e4e7eb';
  }
  const t = high > low ? (score - low) / (high - low) : 1;
  const hue = Math.round(120 * t);
  return `hsl(${hue} 70% 75%)`;
}

/**
 * One self-contained HTML page (no script, no external resource): a table of `x` (columns) by
 * `y` (rows) whose cells hold the objective's score of the sets with those two values, coloured
 * from worst to best. When other parameters vary too, a cell shows the best of its sets (and how
 * many there were). Every string is escaped.
 */
export function renderOptimiseHeatmap(
  runs: readonly OptimiseRun[],
  { title, objective, x, y }: OptimiseHeatmapOptions,
): string {
  const xs = distinct(runs.map((r) => r.parameters[x]));
  const ys = distinct(runs.map((r) => r.parameters[y]));
  const cells = new Map<string, { best: OptimiseRun; count: number }>();
  // Runs come ranked: the first of a cell is its best.
  for (const run of runs) {
    const key = JSON.stringify([run.parameters[x], run.parameters[y]]);
    const cell = cells.get(key);
    cells.set(key, { best: cell?.best ?? run, count: (cell?.count ?? 0) + 1 });
  }
  const scores = runs.map((r) => r.score).filter((s): s is number => s !== null);
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  const header = `<tr><th>${escapeHtml(y)} \\ ${escapeHtml(x)}</th>${xs
    .map((v) => `<th>${escapeHtml(v)}</th>`)
    .join('')}</tr>`;
  const rows = ys.map((yValue) => {
    const tds = xs.map((xValue) => {
      const cell = cells.get(JSON.stringify([xValue, yValue]));
      if (cell === undefined) {
        return '<td class="empty"></td>';
      }
      const { best, count } = cell;
      const shown = best.score === null ? 'n/a' : best.score.toPrecision(4);
      const others = Object.entries(best.parameters)
        .filter(([name]) => name !== x && name !== y)
        .map(([name, value]) => `${name}=${String(value)}`)
        .join(' ');
      const tip = `${x}=${String(xValue)} ${y}=${String(yValue)} ${objective}=${shown}; ${best.summary.trades} trades${others ? `; best of ${count}: ${others}` : ''}`;
      return `<td class="cell" style="background:${colour(best.score, low, high)}" data-x="${escapeHtml(xValue)}" data-y="${escapeHtml(yValue)}" data-score="${best.score ?? ''}" data-sets="${count}" title="${escapeHtml(tip)}">${escapeHtml(shown)}</td>`;
    });
    return `<tr><th>${escapeHtml(yValue)}</th>${tds.join('')}</tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5rem;color:#1f2933;background:#fff}
h1{font-size:1.3rem}table{border-collapse:collapse}
td,th{padding:.35rem .6rem;border:1px solid #fff;text-align:right}th{background:#f5f7fa}
.note{color:#616e7c;font-size:12px}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(objective)} by ${escapeHtml(x)} (across) and ${escapeHtml(y)} (down); ${runs.length} sets; red worst, green best, grey not measurable.</p>
<table id="heatmap">
${header}
${rows.join('\n')}
</table>
</body>
</html>
`;
}

function distinct(values: readonly (Value | undefined)[]): Value[] {
  return [...new Set(values.filter((v): v is Value => v !== undefined))].sort(compare);
}
