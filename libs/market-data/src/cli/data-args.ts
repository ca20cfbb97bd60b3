import { parseArgs } from 'node:util';

import { isTimeframe, TIMEFRAMES, type Timeframe } from '../domain/timeframe';

export const DATA_HELP = `Usage: npm run data -- download --symbols BTC,ETH --timeframe 1m --from <iso> --to <iso> [options]

Downloads the exchange's candle history into the database (DATABASE_URL, or the embedded
TimescaleDB in EMBEDDED_DB_DIR while the app is stopped), where the candle views and the REST and
GraphQL candle queries serve it. Bars already stored are skipped: rerun to resume.

Options:
  --symbols <list>     comma-separated, case-sensitive (BTC,ETH,kBONK)
  --timeframe <tf>     ${TIMEFRAMES.join(' | ')} (default 1m); views finer than it stay sparse
  --from <iso>         start of the period (inclusive), e.g. 2026-01-01 or 2026-01-01T12:00:00Z
  --to <iso>           end of the period (exclusive; default now); only closed bars are stored
  --source <name>      exchange: PACIFICA_API_URL or the PACIFICA_NETWORK's REST API;
                       sim: the simulator on 127.0.0.1:PACIFICA_SIM_PORT (npm run sim)
                       (default: sim when PACIFICA_NETWORK=sim, else exchange)
  --url <rest base>    another REST base URL (ends in /api/v1); overrides --source
  -h, --help           this text`;

export interface DownloadArgs {
  command: 'download';
  symbols: string[];
  timeframe: Timeframe;
  from: Date;
  to: Date;
  source?: 'exchange' | 'sim';
  url?: string;
}

export type DataArgs = DownloadArgs | { command: 'help' };

export class DataArgsError extends Error {
  override readonly name = 'DataArgsError';
}

/** Parses `npm run data` arguments; a problem throws DataArgsError naming the option. */
export function parseDataArgs(argv: readonly string[], now: Date): DataArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      symbols: { type: 'string' },
      timeframe: { type: 'string', default: '1m' },
      from: { type: 'string' },
      to: { type: 'string' },
      source: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    return { command: 'help' };
  }
  if (positionals[0] !== 'download' || positionals.length > 1) {
    throw new DataArgsError(`unknown command '${positionals.join(' ')}': try download`);
  }
  const symbols = (values.symbols ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (symbols.length === 0) {
    throw new DataArgsError('--symbols is required, e.g. --symbols BTC,ETH');
  }
  if (!isTimeframe(values.timeframe)) {
    throw new DataArgsError(`--timeframe must be one of ${TIMEFRAMES.join(', ')}`);
  }
  if (values.source !== undefined && values.source !== 'exchange' && values.source !== 'sim') {
    throw new DataArgsError('--source must be exchange or sim');
  }
  const from = parseTime('--from', values.from);
  const to = values.to === undefined ? now : parseTime('--to', values.to);
  if (from >= to) {
    throw new DataArgsError('--from must be before --to');
  }
  return {
    command: 'download',
    symbols,
    timeframe: values.timeframe,
    from,
    to,
    source: values.source,
    url: values.url,
  };
}

function parseTime(option: string, value: string | undefined): Date {
  if (value === undefined) {
    throw new DataArgsError(`${option} is required (an ISO date or date-time)`);
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new DataArgsError(`${option} '${value}' is not an ISO date or date-time`);
  }
  return time;
}
