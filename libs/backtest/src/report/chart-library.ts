import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let chartLibrary: string | undefined;

/**
 * TradingView's lightweight-charts (Apache-2.0) standalone bundle, read once from node_modules
 * and inlined so a report opens offline; it defines the `LightweightCharts` global.
 */
export function chartLibraryBundle(): string {
  chartLibrary ??= readFileSync(
    join(
      dirname(require.resolve('lightweight-charts/package.json')),
      'dist/lightweight-charts.standalone.production.js',
    ),
    'utf8',
  ).replace(/<\/script/gi, '<\\/script');
  return chartLibrary;
}
