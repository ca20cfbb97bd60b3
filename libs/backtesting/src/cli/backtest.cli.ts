// `npm run backtest -- --strategy ... --symbols ... --from ... --to ...` (see --help).
import { SingleBar } from 'cli-progress';

import { loadConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';
import { createDataSource, openEmbedded, runMigrations } from '@nexwave/database';
import { PacificaRestClient } from '@nexwave/pacifica';

import { BacktestRunner, type RunProgress } from '../application/backtest-runner';
import { StoredBacktestDataAdapter } from '../infrastructure/data/stored-backtest-data.adapter';
import { BACKTESTING_ENTITIES } from '../infrastructure/persistence/backtest-run.entity';
import { TypeOrmBacktestRunRepository } from '../infrastructure/persistence/typeorm-backtest-run.repository';
import { BACKTEST_HELP, BacktestArgsError, parseBacktestArgs } from './backtest-args';
import { summaryJson, summaryTable } from './summary-table';

type NexwaveConfig = ReturnType<typeof loadConfig<'nexwave'>>;

/** Exit code for bad arguments (the run itself failing is 1). */
const BAD_ARGUMENTS = 2;

async function main(): Promise<void> {
  const args = parseBacktestArgs(process.argv.slice(2));
  if (args.command === 'help') {
    console.log(BACKTEST_HELP);
    return;
  }
  const { request, json } = args;
  const config = loadConfig('nexwave');
  const exchange = new PacificaRestClient({ baseUrl: restBase(config) });
  const embedded = await openEmbedded(
    config.database,
    'point DATABASE_URL at a TimescaleDB server (or POST /api/v1/backtests)',
  );
  try {
    const dataSource = createDataSource({
      url: config.database.url ?? embedded!.url,
      embedded: embedded !== undefined,
      poolSize: 2,
      entities: BACKTESTING_ENTITIES,
    });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      const runner = new BacktestRunner(
        new StoredBacktestDataAdapter(dataSource, exchange),
        new TypeOrmBacktestRunRepository(dataSource),
        systemClock,
      );
      console.error(
        `backtesting ${request.strategy} on ${request.timeframe} candles of ` +
          `${request.symbols.join(', ')}, ${request.from.toISOString()} to ${request.to.toISOString()}`,
      );
      const { id, result } = await runner.run(request, progressBar());
      if (json) {
        process.stdout.write(`${JSON.stringify(summaryJson(id, result.summary))}\n`);
      } else {
        console.log(`run ${id}\n${summaryTable(result.summary)}`);
      }
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

function restBase(config: NexwaveConfig): string {
  return config.pacifica.apiUrl ?? `http://127.0.0.1:${config.pacifica.simPort}/api/v1`;
}

/** A bar on a terminal (stderr, so that --json keeps stdout to its one object); nothing otherwise. */
function progressBar(): RunProgress {
  if (!process.stderr.isTTY) {
    return { start: () => undefined, advance: () => undefined, stop: () => undefined };
  }
  const bar = new SingleBar({
    format: 'backtesting [{bar}] {percentage}% | {value}/{total} candles | ETA {eta_formatted}',
    hideCursor: true,
    stream: process.stderr,
  });
  return {
    start: (total) => bar.start(total, 0),
    advance: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
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
