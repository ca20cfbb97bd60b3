import {
  defaultWorkers,
  gridSets,
  OptimiseError,
  parseObjective,
  parseRanges,
  randomSets,
  walkForwardFolds,
  type Fold,
  type Objective,
  type ParameterRange,
  type ParameterSet,
} from '@nexwave/backtest';

import { backtestRequest, type BacktestRequest } from '../domain/backtest-request';
import {
  BacktestArgsError,
  parsedOptions,
  parseParams,
  REQUEST_OPTIONS,
  requestOf,
  requireRequestOptions,
  validated,
} from './backtest-args';
import {
  integerOption,
  parseSource,
  SOURCE_OPTIONS,
  sourceHelp,
  type CandleSource,
} from './source-args';

export const OPTIMISE_HELP = `Usage: npm run optimise -- --strategy mean_reversion --symbols BTC --timeframe 1h --from <iso> --to <iso> --grid lookback=10:40:5 [options]

Backtests every parameter set of a grid (or N random sets of it) on worker threads over the
stored candles of [from, to) (as npm run backtest reads them: DATABASE_URL, or EMBEDDED_DB_DIR
while the app is stopped), or over a seeded random walk (--source sim, no database), and ranks
the sets by an objective. Nothing is stored.

Options:
  --strategy <name>        a registered strategy (mean_reversion, ma_crossover)
  --symbols <list>         comma-separated, case-sensitive (BTC,ETH)
  --timeframe <tf>         1m | 5m | 15m | 1h | 4h | 1d (default 1h)
  --from <iso>             start of the period (inclusive; --source sim: default 2026-01-01)
  --to <iso>               end of the period (exclusive; --source sim: default from + --days)
  --grid <name=spec>       a parameter's values (repeatable; the grids multiply):
                           from:to:step (lookback=10:40:5), a list (a,b) or one value
  --param <name=value>     a fixed strategy parameter (repeatable)
  --objective <name>       sharpe (default), sortino, pnl, returnPct, profitFactor, winRate,
                           maxDrawdownPct (smallest first)
  --random <N>             N distinct random sets of the grid instead of all of it
  --walk-forward <k>       also cut [from, to) into k + 1 windows: per fold, the best set
                           in-sample judged on the next window (out-of-sample)
  --workers <N>            worker threads (default: cores - 1, at least 1)
${sourceHelp(27, 'seed of --random and of --source sim (default 1)')}
  --json                   print exactly one JSON object on stdout; logs go to stderr
  --heatmap <path.html>    write an HTML heat map of two grid parameters vs the objective
  --heatmap-axes <x,y>     the two parameters (default: the first two --grid)
  -h, --help               this text

Exit codes: 0 done, 1 the run failed, 2 bad arguments.`;

export interface OptimiseOptions {
  /** The period, symbols and fixed parameters (validated, defaults filled in). */
  readonly request: BacktestRequest;
  readonly ranges: readonly ParameterRange[];
  readonly sets: readonly ParameterSet[];
  readonly objective: Objective;
  readonly folds: readonly Fold[];
  readonly workers: number;
  readonly source: CandleSource;
  readonly json: boolean;
  readonly heatmap?: { readonly path: string; readonly x: string; readonly y: string };
}

export type OptimiseArgs = { command: 'help' } | ({ command: 'run' } & OptimiseOptions);

export function parseOptimiseArgs(argv: readonly string[]): OptimiseArgs {
  const values = parsedOptions(argv, {
    ...REQUEST_OPTIONS,
    grid: { type: 'string', multiple: true },
    objective: { type: 'string', default: 'sharpe' },
    random: { type: 'string' },
    'walk-forward': { type: 'string' },
    workers: { type: 'string' },
    ...SOURCE_OPTIONS,
    json: { type: 'boolean', default: false },
    heatmap: { type: 'string' },
    'heatmap-axes': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    return { command: 'help' };
  }
  const { source, from, to } = parseSource(values);
  const seed = integerOption('seed', values.seed, 0);
  requireRequestOptions(values, from, to);
  if (values.grid === undefined) {
    throw new BacktestArgsError('--grid is required (e.g. --grid lookback=10:40:5)');
  }
  const fixed = parseParams(values.param ?? []);
  const request = requestOf(values, from!, to!, fixed);
  const ranges = optimiseInput('grid', () => parseRanges(values.grid!));
  for (const { name } of ranges) {
    if (Object.hasOwn(fixed, name)) {
      throw new BacktestArgsError(`--grid ${name}: also given as --param`);
    }
  }
  const sets =
    values.random === undefined
      ? gridSets(ranges)
      : randomSets(ranges, integerOption('random', values.random, 1), seed);
  checkSets(request, fixed, sets);
  const objective = optimiseInput('objective', () => parseObjective(values.objective));
  const folds =
    values['walk-forward'] === undefined
      ? []
      : optimiseInput('walk-forward', () =>
          walkForwardFolds(
            request.from,
            request.to,
            integerOption('walk-forward', values['walk-forward']!, 1),
          ),
        );
  return {
    command: 'run',
    request,
    ranges,
    sets,
    objective,
    folds,
    workers:
      values.workers === undefined ? defaultWorkers() : integerOption('workers', values.workers, 1),
    source,
    json: values.json,
    heatmap:
      values.heatmap === undefined
        ? undefined
        : { path: values.heatmap, ...axes(values['heatmap-axes'], ranges) },
  };
}

/** Every set's parameters pass the strategy's schema, or the error names the parameter. */
function checkSets(
  request: BacktestRequest,
  fixed: Record<string, unknown>,
  sets: readonly ParameterSet[],
): void {
  for (const set of sets) {
    validated(() => backtestRequest({ ...request, parameters: { ...fixed, ...set } }), '--grid');
  }
}

function axes(spec: string | undefined, ranges: readonly ParameterRange[]) {
  if (spec === undefined && ranges.length < 2) {
    throw new BacktestArgsError('--heatmap: needs two --grid parameters (or --heatmap-axes x,y)');
  }
  const names = spec?.split(',').map((s) => s.trim()) ?? ranges.slice(0, 2).map((r) => r.name);
  if (names.length !== 2 || names[0] === names[1]) {
    throw new BacktestArgsError('--heatmap-axes: expected two different --grid parameters (x,y)');
  }
  for (const name of names) {
    if (!ranges.some((r) => r.name === name)) {
      throw new BacktestArgsError(`--heatmap-axes: ${name} is not a --grid parameter`);
    }
  }
  return { x: names[0], y: names[1] };
}

/** OptimiseError (names the parameter) → BacktestArgsError naming the option too. */
function optimiseInput<T>(option: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof OptimiseError) {
      const message = error.message.startsWith(option)
        ? error.message
        : `${option} ${error.message}`;
      throw new BacktestArgsError(`--${message}`);
    }
    throw error;
  }
}
