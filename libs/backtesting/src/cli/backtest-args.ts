import { parseArgs, type ParseArgsConfig } from 'node:util';

import { backtestRequest, type BacktestRequest } from '../domain/backtest-request';
import { BacktestingError } from '../domain/backtesting.errors';
import { BacktestArgsError } from './backtest-args.error';
import { parseSource, SOURCE_OPTIONS, sourceHelp, type CandleSource } from './source-args';

export { BacktestArgsError } from './backtest-args.error';

export const BACKTEST_HELP = `Usage: npm run backtest -- --strategy mean_reversion --symbols BTC --timeframe 1h --from <iso> --to <iso> [options]

Replays the stored candles of [from, to) (DATABASE_URL, or the embedded TimescaleDB in
EMBEDDED_DB_DIR while the app is stopped; fill them with npm run data -- download) through the
live strategy, risk and paper-fill code, stores the run (backtest_runs) and prints its summary.
Lot and tick sizes come from the exchange's /info (PACIFICA_API_URL, or the simulator on
127.0.0.1:PACIFICA_SIM_PORT when PACIFICA_NETWORK=sim).

Options:
  --strategy <name>      a registered strategy (mean_reversion, ma_crossover)
  --symbols <list>       comma-separated, case-sensitive (BTC,ETH)
  --timeframe <tf>       1m | 5m | 15m | 1h | 4h | 1d (default 1h)
  --from <iso>           start of the period (inclusive)
  --to <iso>             end of the period (exclusive)
  --param <name=value>   a strategy parameter (repeatable); numbers and true/false are parsed
  --json                 print exactly one JSON object (the summary) on stdout; logs go to stderr
  --report <path.html>   also write a self-contained HTML report (price with fills, equity,
                         drawdown, trades)
${sourceHelp(25)}
  -h, --help             this text

Exit codes: 0 done, 1 the run failed, 2 bad arguments.`;

export type BacktestArgs =
  | { command: 'help' }
  | {
      command: 'run';
      request: BacktestRequest;
      source: CandleSource;
      json: boolean;
      report?: string;
    };

export function parseBacktestArgs(argv: readonly string[]): BacktestArgs {
  const values = parsedOptions(argv, {
    ...REQUEST_OPTIONS,
    json: { type: 'boolean', default: false },
    report: { type: 'string' },
    ...SOURCE_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    return { command: 'help' };
  }
  const { source, from, to } = parseSource(values);
  requireRequestOptions(values, from, to);
  const request = requestOf(values, from!, to!, parseParams(values.param ?? []));
  return { command: 'run', request, source, json: values.json, report: values.report };
}

/** Strict `parseArgs` values; an unknown or malformed option is a BacktestArgsError. */
export function parsedOptions<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
) {
  try {
    return parseArgs({ args: [...argv], strict: true, options }).values;
  } catch (error) {
    throw new BacktestArgsError((error as Error).message);
  }
}

/** What every run names: strategy, symbols, period and fixed parameters (`--param`). */
export const REQUEST_OPTIONS = {
  strategy: { type: 'string' },
  symbols: { type: 'string' },
  timeframe: { type: 'string', default: '1h' },
  from: { type: 'string' },
  to: { type: 'string' },
  param: { type: 'string', multiple: true },
} as const;

interface RequestValues {
  strategy?: string;
  symbols?: string;
  timeframe: string;
}

/** --strategy, --symbols, --from and --to are given, or the error names the first missing. */
export function requireRequestOptions(values: RequestValues, from?: string, to?: string): void {
  const required = { strategy: values.strategy, symbols: values.symbols, from, to };
  for (const [name, value] of Object.entries(required)) {
    if (value === undefined) {
      throw new BacktestArgsError(`--${name} is required`);
    }
  }
}

/** The validated request of REQUEST_OPTIONS (after requireRequestOptions). */
export function requestOf(
  values: RequestValues,
  from: string,
  to: string,
  parameters: Record<string, unknown>,
): BacktestRequest {
  return validated(() =>
    backtestRequest({
      strategy: values.strategy,
      symbols: values.symbols!.split(',').map((s) => s.trim()),
      timeframe: values.timeframe,
      from,
      to,
      parameters,
    }),
  );
}

/** BacktestingError (names the field) → BacktestArgsError naming the option. */
export function validated<T>(build: () => T, parametersOption = '--param'): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof BacktestingError) {
      const field = String(error.details.field);
      throw field === 'parameters'
        ? new BacktestArgsError(
            `${parametersOption}: ${error.message.replace(/^parameters: /, '')}`,
          )
        : new BacktestArgsError(`--${field}: ${error.message}`);
    }
    throw error;
  }
}

/** `name=value` pairs; values that read as numbers or booleans become them, others stay strings. */
export function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new BacktestArgsError(`--param ${pair}: expected name=value`);
    }
    parameters[pair.slice(0, at)] = scalar(pair.slice(at + 1));
  }
  return parameters;
}

function scalar(text: string): unknown {
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}
