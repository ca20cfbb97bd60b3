import { BacktestArgsError } from './backtest-args.error';

/** Where a CLI's candles come from: the database, or a seeded random walk (no database). */
export type CandleSource = { kind: 'stored' } | { kind: 'sim'; seed: number };

export const SOURCE_OPTIONS = {
  source: { type: 'string', default: 'stored' },
  seed: { type: 'string', default: '1' },
  days: { type: 'string' },
} as const;

/** The help lines of SOURCE_OPTIONS, descriptions from column `width`. */
export function sourceHelp(width: number, seed = 'seed of --source sim (default 1)'): string {
  const lines: [string, string][] = [
    ['--source <stored|sim>', 'stored candles (default), or per symbol a seeded random walk'],
    ['', '(from 50,000; lot 0.00001, tick 0.01): no database, nothing stored'],
    ['--seed <S>', seed],
    ['--days <D>', '--source sim: days of candles (default 30)'],
  ];
  return lines.map(([option, text]) => `  ${option.padEnd(width - 2)}${text}`).join('\n');
}

const SIM_FROM = '2026-01-01T00:00:00.000Z';
const DAY_MS = 86_400_000;

/** The source and the period (with --source sim, --from defaults to 2026-01-01, --to to --days later). */
export function parseSource(values: {
  source: string;
  seed: string;
  days?: string;
  from?: string;
  to?: string;
}): { source: CandleSource; from?: string; to?: string } {
  if (values.source !== 'stored' && values.source !== 'sim') {
    throw new BacktestArgsError(`--source: expected stored or sim (got ${values.source})`);
  }
  if (values.source === 'stored') {
    if (values.days !== undefined) {
      throw new BacktestArgsError('--days: only with --source sim');
    }
    return { source: { kind: 'stored' }, from: values.from, to: values.to };
  }
  const from = values.from ?? SIM_FROM;
  const days = integerOption('days', values.days ?? '30', 1);
  return {
    source: { kind: 'sim', seed: integerOption('seed', values.seed, 0) },
    from,
    to: values.to ?? new Date(Date.parse(from) + days * DAY_MS).toISOString(),
  };
}

export function integerOption(option: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new BacktestArgsError(
      `--${option}: expected an integer of at least ${min} (got ${text})`,
    );
  }
  return value;
}
