// `npm run backtest -- --strategy ... --symbols ... --from ... --to ...` (see --help).
import { writeFile } from 'node:fs/promises';

import {
  mergeCandles,
  renderBacktestReport,
  runBacktest,
  type BacktestResult,
} from '@nexwave/backtest';
import { loadConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';
import type { Candle } from '@nexwave/strategy';

import { BacktestRunner } from '../application/backtest-runner';
import type { BacktestRequest } from '../domain/backtest-request';
import { StoredBacktestDataAdapter } from '../infrastructure/data/stored-backtest-data.adapter';
import { TypeOrmBacktestRunRepository } from '../infrastructure/persistence/typeorm-backtest-run.repository';
import { BACKTEST_HELP, parseBacktestArgs } from './backtest-args';
import { exitOnFailure } from './backtest-args.error';
import { simulatedData } from './candle-source';
import { progressBar } from './progress-bar';
import { exchangeClient, withStoredData } from './stored-data';
import { summaryJson, summaryTable } from './summary-table';

interface Replayed {
  /** The stored run's id; null with --source sim (nothing stored). */
  readonly id: string | null;
  readonly result: BacktestResult;
  readonly candles: readonly Candle[];
}

async function main(): Promise<void> {
  const args = parseBacktestArgs(process.argv.slice(2));
  if (args.command === 'help') {
    console.log(BACKTEST_HELP);
    return;
  }
  const { request, source, json, report } = args;
  console.error(
    `backtesting ${request.strategy} on ${request.timeframe} candles of ` +
      `${request.symbols.join(', ')}, ${request.from.toISOString()} to ${request.to.toISOString()}` +
      `${source.kind === 'sim' ? ` (a random walk, seed ${source.seed})` : ''}`,
  );
  const { id, result, candles } =
    source.kind === 'sim' ? simulatedRun(source.seed, request) : await storedRun(request);
  if (report !== undefined) {
    const html = renderBacktestReport(result, candles, {
      title: `Backtest ${request.strategy} ${request.symbols.join(', ')} ${request.timeframe}`,
      strategyId: id === null ? undefined : `run ${id}`,
      parameters: request.parameters,
    });
    await writeFile(report, html);
    console.error(`report written to ${report}`);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(summaryJson(id, result.summary))}\n`);
  } else {
    console.log(
      `${id === null ? 'not stored (--source sim)' : `run ${id}`}\n${summaryTable(result.summary)}`,
    );
  }
}

/** Loads the stored candles, replays them and stores the run (backtest_runs). */
function storedRun(request: BacktestRequest): Promise<Replayed> {
  const config = loadConfig('nexwave');
  return withStoredData(config, (dataSource) =>
    new BacktestRunner(
      new StoredBacktestDataAdapter(dataSource, exchangeClient(config)),
      new TypeOrmBacktestRunRepository(dataSource),
      systemClock,
    ).run(
      request,
      progressBar(
        'backtesting [{bar}] {percentage}% | {value}/{total} candles | ETA {eta_formatted}',
      ),
    ),
  );
}

/** The request on seeded random walks: no database, nothing stored. */
function simulatedRun(seed: number, request: BacktestRequest): Replayed {
  const { markets, series } = simulatedData(seed, request);
  const candles = [...mergeCandles(series)];
  const result = runBacktest({
    strategy: request.strategy,
    parameters: request.parameters,
    timeframe: request.timeframe,
    symbols: request.symbols,
    markets,
    candles,
  });
  return { id: null, result, candles };
}

main().catch(exitOnFailure('backtest'));
