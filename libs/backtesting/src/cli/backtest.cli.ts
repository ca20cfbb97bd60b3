// `npm run backtest -- --strategy ... --symbols ... --from ... --to ...` (see --help).
import { writeFile } from 'node:fs/promises';

import { renderBacktestReport } from '@nexwave/backtest';
import { loadConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';

import { BacktestRunner } from '../application/backtest-runner';
import { StoredBacktestDataAdapter } from '../infrastructure/data/stored-backtest-data.adapter';
import { TypeOrmBacktestRunRepository } from '../infrastructure/persistence/typeorm-backtest-run.repository';
import { BACKTEST_HELP, BacktestArgsError, parseBacktestArgs } from './backtest-args';
import { progressBar } from './progress-bar';
import { exchangeClient, withStoredData } from './stored-data';
import { summaryJson, summaryTable } from './summary-table';

/** Exit code for bad arguments (the run itself failing is 1). */
const BAD_ARGUMENTS = 2;

async function main(): Promise<void> {
  const args = parseBacktestArgs(process.argv.slice(2));
  if (args.command === 'help') {
    console.log(BACKTEST_HELP);
    return;
  }
  const { request, json, report } = args;
  const config = loadConfig('nexwave');
  await withStoredData(config, async (dataSource) => {
    const runner = new BacktestRunner(
      new StoredBacktestDataAdapter(dataSource, exchangeClient(config)),
      new TypeOrmBacktestRunRepository(dataSource),
      systemClock,
    );
    console.error(
      `backtesting ${request.strategy} on ${request.timeframe} candles of ` +
        `${request.symbols.join(', ')}, ${request.from.toISOString()} to ${request.to.toISOString()}`,
    );
    const bar = progressBar(
      'backtesting [{bar}] {percentage}% | {value}/{total} candles | ETA {eta_formatted}',
    );
    const { id, result, candles } = await runner.run(request, bar);
    if (report !== undefined) {
      const html = renderBacktestReport(result, candles, {
        title: `Backtest ${request.strategy} ${request.symbols.join(', ')} ${request.timeframe}`,
        strategyId: `run ${id}`,
        parameters: request.parameters,
      });
      await writeFile(report, html);
      console.error(`report written to ${report}`);
    }
    if (json) {
      process.stdout.write(`${JSON.stringify(summaryJson(id, result.summary))}\n`);
    } else {
      console.log(`run ${id}\n${summaryTable(result.summary)}`);
    }
  });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BacktestArgsError) {
    console.error(`${message} (see npm run backtest -- --help)`);
    process.exitCode = BAD_ARGUMENTS;
    return;
  }
  console.error(`backtest: ${message}`);
  process.exitCode = 1;
});
