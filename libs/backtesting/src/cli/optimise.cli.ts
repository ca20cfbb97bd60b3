// `npm run optimise -- --strategy ... --symbols ... --grid lookback=10:40:5 ...` (see --help).
import { writeFile } from 'node:fs/promises';

import {
  mergeCandles,
  optimise,
  OptimiserPool,
  renderOptimiseHeatmap,
  walkForward,
  type OptimiseRun,
  type WalkForwardResult,
} from '@nexwave/backtest';
import { loadConfig } from '@nexwave/config';

import { exitOnFailure } from './backtest-args.error';
import { loadCandles } from './candle-source';
import { OPTIMISE_HELP, parseOptimiseArgs, type OptimiseOptions } from './optimise-args';
import { progressBar } from './progress-bar';
import { rankingTable, walkForwardTable } from './ranking-table';

async function main(): Promise<void> {
  const args = parseOptimiseArgs(process.argv.slice(2));
  if (args.command === 'help') {
    console.log(OPTIMISE_HELP);
    return;
  }
  const { request, sets, folds, objective, workers, ranges } = args;
  const { markets, series } = await loadCandles(args.source, request, () => loadConfig('nexwave'));
  const candles = [...mergeCandles(series)];
  if (candles.length === 0) {
    throw new Error(
      `no ${request.timeframe} candles of ${request.symbols.join(', ')} in [${request.from.toISOString()}, ${request.to.toISOString()}) (npm run data -- download)`,
    );
  }
  const runs = sets.length * (1 + folds.length) + folds.length;
  console.error(
    `optimising ${request.strategy} on ${candles.length} ${request.timeframe} candles of ` +
      `${request.symbols.join(', ')}: ${sets.length} sets by ${objective}` +
      `${folds.length ? `, walk-forward ${folds.length} folds` : ''}, ${workers} worker(s)`,
  );
  const bar = progressBar(
    'optimising [{bar}] {percentage}% | {value}/{total} backtests | ETA {eta_formatted}',
  );
  const pool = new OptimiserPool(
    {
      strategy: request.strategy,
      parameters: request.parameters,
      timeframe: request.timeframe,
      symbols: request.symbols,
      markets,
    },
    candles,
    workers,
  );
  let ranking: OptimiseRun[];
  let folded: WalkForwardResult[] = [];
  bar.start(runs);
  try {
    ranking = await optimise(pool, sets, objective, { onDone: (done) => bar.advance(done) });
    if (folds.length > 0) {
      folded = await walkForward(pool, sets, objective, folds, (done) =>
        bar.advance(sets.length + done),
      );
    }
  } finally {
    bar.stop();
    await pool.close();
  }
  if (args.heatmap !== undefined) {
    await writeFile(
      args.heatmap.path,
      renderOptimiseHeatmap(ranking, {
        title: `${request.strategy} ${request.symbols.join(', ')} ${request.timeframe} ${request.from.toISOString()} to ${request.to.toISOString()}`,
        objective,
        x: args.heatmap.x,
        y: args.heatmap.y,
      }),
    );
    console.error(`heat map written to ${args.heatmap.path}`);
  }
  const varied = ranges.map((r) => r.name);
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(optimiseJson(args, candles.length, ranking, folded))}\n`,
    );
    return;
  }
  console.log(rankingTable(ranking, varied, objective));
  if (folded.length > 0) {
    console.log(
      `\nwalk-forward (${objective}: in-sample best, then out of sample)\n${walkForwardTable(folded, varied, objective)}`,
    );
  }
}

/** The one object `--json` prints: the inputs, every set ranked, and the walk-forward folds. */
function optimiseJson(
  args: OptimiseOptions,
  candles: number,
  ranking: readonly OptimiseRun[],
  folded: readonly WalkForwardResult[],
) {
  const { request } = args;
  return {
    strategy: request.strategy,
    symbols: request.symbols,
    timeframe: request.timeframe,
    from: request.from.toISOString(),
    to: request.to.toISOString(),
    source: args.source.kind,
    parameters: request.parameters,
    objective: args.objective,
    sets: args.sets.length,
    workers: args.workers,
    candles,
    ranking: ranking.map((run, i) => ({
      rank: i + 1,
      parameters: run.parameters,
      score: run.score,
      summary: run.summary,
    })),
    walkForward: folded.map(({ fold, best, outOfSample, outOfSampleScore }) => ({
      fold: fold.index + 1,
      inSample: {
        from: fold.inSample.from.toISOString(),
        to: fold.inSample.to.toISOString(),
        parameters: best.parameters,
        score: best.score,
        summary: best.summary,
      },
      outOfSample: {
        from: fold.outOfSample.from.toISOString(),
        to: fold.outOfSample.to.toISOString(),
        score: outOfSampleScore,
        summary: outOfSample,
      },
    })),
  };
}

main().catch(exitOnFailure('optimise'));
