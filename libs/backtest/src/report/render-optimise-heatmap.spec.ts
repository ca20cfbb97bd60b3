import type { BacktestSummary } from '../domain/backtest-input';
import type { OptimiseRun } from '../optimise/optimise';
import { renderOptimiseHeatmap } from './render-optimise-heatmap';

const summary = (trades: number) => ({ trades }) as BacktestSummary;
const run = (
  index: number,
  parameters: Record<string, number | string>,
  score: number | null,
): OptimiseRun => ({ index, parameters, score, summary: summary(index) });

interface Cell {
  x: string;
  y: string;
  score: string;
  sets: string;
  text: string;
}
const cells = (html: string): Cell[] =>
  [
    ...html.matchAll(
      /<td class="cell" style="[^"]*" data-x="([^"]*)" data-y="([^"]*)" data-score="([^"]*)" data-sets="(\d+)" title="[^"]*">([^<]*)<\/td>/g,
    ),
  ].map(([, x, y, score, sets, text]) => ({ x, y, score, sets, text }));

describe('renderOptimiseHeatmap', () => {
  const options = { title: 'mean_reversion BTC', objective: 'sharpe', x: 'lookback', y: 'band' };

  it('has one cell per set of a two-parameter grid, at its values, with its score', () => {
    const runs = [
      run(3, { lookback: 20, band: 2 }, 1.5),
      run(0, { lookback: 10, band: 1.5 }, 0.25),
      run(1, { lookback: 10, band: 2 }, -1),
      run(2, { lookback: 20, band: 1.5 }, null),
    ];
    const html = renderOptimiseHeatmap(runs, options);
    expect(cells(html)).toEqual([
      { x: '10', y: '1.5', score: '0.25', sets: '1', text: '0.2500' },
      { x: '20', y: '1.5', score: '', sets: '1', text: 'n/a' },
      { x: '10', y: '2', score: '-1', sets: '1', text: '-1.000' },
      { x: '20', y: '2', score: '1.5', sets: '1', text: '1.500' },
    ]);
    expect(html).toContain('<th>band \\ lookback</th><th>10</th><th>20</th>');
    // The best green, the worst red, the unmeasurable grey.
    expect(html).toMatch(/hsl\(120 [^"]*" data-x="20" data-y="2"/);
    expect(html).toMatch(/hsl\(0 [^"]*" data-x="10" data-y="2"/);
    expect(html).toMatch(/#e4e7eb" data-x="20" data-y="1.5"/);
  });

  it('shows the best set of a cell when another parameter varies, and how many it holds', () => {
    const runs = [
      run(1, { lookback: 10, band: 2, stop: 3 }, 2),
      run(0, { lookback: 10, band: 2, stop: 1 }, 1),
    ];
    const html = renderOptimiseHeatmap(runs, options);
    expect(cells(html)).toEqual([{ x: '10', y: '2', score: '2', sets: '2', text: '2.000' }]);
    expect(html).toContain('best of 2: stop=3');
  });

  it('escapes every string and loads nothing', () => {
    const evil = '<img src=x onerror=alert(1)>"';
    const html = renderOptimiseHeatmap([run(0, { lookback: 10, band: evil }, 1)], {
      ...options,
      title: `<script>alert(1)</script>`,
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(cells(html)).toHaveLength(1);
    expect(html).not.toMatch(/https?:\/\//);
  });
});
