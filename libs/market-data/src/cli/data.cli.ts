// `npm run data -- download ...`: the exchange's candle history into the database (see --help).
import { SingleBar } from 'cli-progress';

import { loadConfig } from '@nexwave/config';
import { systemClock } from '@nexwave/core';
import { createDataSource, openEmbedded, runMigrations } from '@nexwave/database';
import { PacificaRestClient } from '@nexwave/pacifica';

import {
  DownloadHistory,
  type DownloadProgress,
  type SymbolSummary,
} from '../application/history/download-history';
import { PacificaHistorySource } from '../infrastructure/exchange/pacifica-history.source';
import { CandleRefresher } from '../infrastructure/persistence/candle-refresher';
import { TypeOrmStoredBars } from '../infrastructure/persistence/typeorm-stored-bars';
import { TypeOrmTickStore } from '../infrastructure/persistence/typeorm-tick.store';
import { DATA_HELP, DataArgsError, parseDataArgs, type DownloadArgs } from './data-args';

type NexwaveConfig = ReturnType<typeof loadConfig<'nexwave'>>;

async function main(): Promise<void> {
  const args = parseDataArgs(process.argv.slice(2), systemClock.now());
  if (args.command === 'help') {
    console.log(DATA_HELP);
    return;
  }
  const config = loadConfig('nexwave');
  const baseUrl = restBase(args, config);
  const embedded = await openEmbedded(
    config.database,
    'point DATABASE_URL at a TimescaleDB server',
  );
  try {
    const dataSource = createDataSource({
      url: config.database.url ?? embedded!.url,
      embedded: embedded !== undefined,
      poolSize: 2,
    });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      const download = new DownloadHistory(
        new PacificaHistorySource(
          new PacificaRestClient({ baseUrl, apiKey: config.pacifica.apiKey }),
        ),
        new TypeOrmStoredBars(dataSource),
        new TypeOrmTickStore(dataSource),
        new CandleRefresher(dataSource),
        systemClock,
      );
      console.log(
        `downloading ${args.timeframe} candles of ${args.symbols.join(', ')} from ${baseUrl}, ` +
          `${args.from.toISOString()} to ${args.to.toISOString()}`,
      );
      const result = await download.run(args, progressBar());
      printSummary(args, result.symbols);
      if (!result.candlesRefreshed) {
        console.error(
          'data: the candle views were not refreshed over the period (see the error above), so ' +
            'they may not serve every stored bar: rerun the same command to refresh them',
        );
        process.exitCode = 1;
      }
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

function restBase(args: DownloadArgs, config: NexwaveConfig): string {
  if (args.url !== undefined) {
    return args.url;
  }
  const source = args.source ?? (config.pacifica.network === 'sim' ? 'sim' : 'exchange');
  if (source === 'sim') {
    return `http://127.0.0.1:${config.pacifica.simPort}/api/v1`;
  }
  if (config.pacifica.apiUrl === undefined) {
    throw new DataArgsError(
      'PACIFICA_NETWORK=sim has no exchange: use --source sim, or set PACIFICA_NETWORK=mainnet|testnet',
    );
  }
  return config.pacifica.apiUrl;
}

/** A bar on a terminal; one line per symbol's completion otherwise (logs, tests). */
function progressBar(): DownloadProgress {
  if (!process.stderr.isTTY) {
    const done = new Map<string, number>();
    return {
      start: () => undefined,
      advance: (symbol, bars) => {
        done.set(symbol, (done.get(symbol) ?? 0) + bars);
        console.error(`progress ${symbol} ${done.get(symbol)} bars`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    format:
      'downloading [{bar}] {percentage}% | {value}/{total} bars | {symbol} | ETA {eta_formatted}',
    hideCursor: true,
  });
  return {
    start: (total) => bar.start(total, 0, { symbol: '' }),
    advance: (symbol, bars) => bar.increment(bars, { symbol }),
    stop: () => bar.stop(),
  };
}

function printSummary(args: DownloadArgs, summaries: SymbolSummary[]): void {
  console.log(
    `\nsymbol  bars written  rows written  already stored  missing ${args.timeframe} bars`,
  );
  for (const s of summaries) {
    console.log(
      `${s.symbol.padEnd(6)}  ${pad(s.barsWritten, 12)}  ${pad(s.rowsWritten, 12)}  ` +
        `${pad(s.barsSkipped, 14)}  ${pad(s.missingBars, 8)}`,
    );
    for (const gap of s.gaps.slice(0, 5)) {
      console.log(`  gap ${new Date(gap.from).toISOString()} .. ${new Date(gap.to).toISOString()}`);
    }
    if (s.gaps.length > 5) {
      console.log(`  ... ${s.gaps.length - 5} more gaps`);
    }
  }
  console.log(`summary ${JSON.stringify(summaries)}`);
}

const pad = (value: number, width: number) => String(value).padStart(width);

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    error instanceof DataArgsError ? `${message} (see npm run data -- --help)` : `data: ${message}`,
  );
  process.exitCode = 1;
});
