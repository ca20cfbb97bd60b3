import type { OptimiseBase } from '@nexwave/backtest';
import { isSymbol, isUsableDate } from '@nexwave/core';
import type { MarketRules } from '@nexwave/orders';
import {
  StrategyError,
  strategyNames,
  strategyParameters,
  TIMEFRAME_MS,
  type Timeframe,
} from '@nexwave/strategy';

import { BacktestingError } from './backtesting.errors';

/** What a backtest run replays: one strategy over stored candles of a period `[from, to)`. */
export interface BacktestRequest {
  readonly strategy: string;
  /** Validated by the strategy's schema, defaults filled in. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly symbols: readonly string[];
  readonly timeframe: Timeframe;
  readonly from: Date;
  readonly to: Date;
}

/** The engine's input for a request on its markets, candles left to the caller. */
export function backtestBase(
  request: BacktestRequest,
  markets: Readonly<Record<string, MarketRules>>,
): OptimiseBase {
  const { strategy, parameters, timeframe, symbols } = request;
  return { strategy, parameters, timeframe, symbols, markets };
}

export interface BacktestRequestInput {
  strategy?: unknown;
  parameters?: unknown;
  symbols?: unknown;
  timeframe?: unknown;
  from?: unknown;
  to?: unknown;
}

/** A period holds at most this many candles per symbol (a year of 1m candles and more). */
export const MAX_CANDLES_PER_SYMBOL = 1_100_000;

const invalid = (message: string, field: string) =>
  new BacktestingError('INVALID_REQUEST', message, { field });

/** The request, or a BacktestingError naming the first bad field (and each bad parameter). */
export function backtestRequest(input: BacktestRequestInput): BacktestRequest {
  const strategy = input.strategy;
  if (typeof strategy !== 'string' || !strategyNames().includes(strategy)) {
    throw invalid(`strategy must be one of ${strategyNames().join(', ')}`, 'strategy');
  }
  const symbols = input.symbols;
  if (
    !Array.isArray(symbols) ||
    symbols.length === 0 ||
    !symbols.every((s): s is string => typeof s === 'string' && isSymbol(s)) ||
    new Set(symbols).size !== symbols.length
  ) {
    throw invalid('symbols must be distinct exchange symbols like BTC or kBONK', 'symbols');
  }
  const timeframe = input.timeframe;
  if (typeof timeframe !== 'string' || !Object.hasOwn(TIMEFRAME_MS, timeframe)) {
    throw invalid(`timeframe must be one of ${Object.keys(TIMEFRAME_MS).join(', ')}`, 'timeframe');
  }
  const from = instant(input.from, 'from');
  const to = instant(input.to, 'to');
  if (from >= to) {
    throw invalid('from must be before to', 'from');
  }
  const candles = (to.getTime() - from.getTime()) / TIMEFRAME_MS[timeframe as Timeframe];
  if (candles > MAX_CANDLES_PER_SYMBOL) {
    throw invalid(
      `the period holds ${Math.ceil(candles)} ${timeframe} candles, at most ${MAX_CANDLES_PER_SYMBOL}`,
      'to',
    );
  }
  const validated = parameters(strategy, timeframe as Timeframe, input.parameters ?? {});
  return {
    strategy,
    parameters: validated,
    symbols: [...symbols],
    timeframe: timeframe as Timeframe,
    from,
    to,
  };
}

/** Validated by the strategy's schema; its `timeframe` is the run's unless set (then it must match). */
function parameters(strategy: string, timeframe: Timeframe, raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid('parameters must be an object', 'parameters');
  }
  try {
    const validated = strategyParameters(strategy, { timeframe, ...raw });
    if (validated.timeframe !== timeframe) {
      throw invalid(
        `parameters: timeframe: must be the run's timeframe ${timeframe}`,
        'parameters',
      );
    }
    return validated;
  } catch (error) {
    if (error instanceof StrategyError) {
      throw invalid(`parameters: ${String(error.details.issues ?? error.message)}`, 'parameters');
    }
    throw error;
  }
}

function instant(value: unknown, field: string): Date {
  const date =
    value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (date === undefined || !isUsableDate(date)) {
    throw invalid(`${field} must be an ISO 8601 date-time`, field);
  }
  return date;
}
