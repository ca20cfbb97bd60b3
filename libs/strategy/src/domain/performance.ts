import { Decimal } from '@nexwave/core';

/** A closed round trip and its realised PnL in USD, after fees. */
export interface ClosedTrade {
  readonly symbol: string;
  readonly pnlUsd: string;
  readonly openedAt: Date;
  readonly closedAt: Date;
}

/** Marked-to-market equity at `at`; `inPosition` says whether anything is open from then on. */
export interface EquityPoint {
  readonly at: Date;
  readonly equityUsd: string;
  readonly inPosition: boolean;
}

/** An open position marked to market: signed base units (positive long). */
export interface OpenPositionMark {
  readonly symbol: string;
  readonly size: string;
  readonly entryPrice: string;
  readonly markPrice: string;
}

export interface PerformanceInput {
  readonly trades: readonly ClosedTrade[];
  readonly equityCurve: readonly EquityPoint[];
  readonly openPositions: readonly OpenPositionMark[];
}

/**
 * Money in decimal strings, ratios in numbers. `winRate` and `exposure` are fractions (0..1), null
 * when there is nothing to divide by; `maxDrawdownUsd` and `maxDrawdownPct` are each the largest
 * fall from a running peak (they may come from different falls); `sharpe` and `sortino` are null
 * when they cannot be measured (see `sharpeRatio`).
 */
export interface Performance {
  readonly tradeCount: number;
  readonly wins: number;
  readonly losses: number;
  readonly winRate: number | null;
  readonly realisedPnlUsd: string;
  readonly unrealisedPnlUsd: string;
  readonly totalPnlUsd: string;
  readonly maxDrawdownUsd: string;
  readonly maxDrawdownPct: string;
  readonly exposure: number | null;
  readonly dailyReturns: readonly number[];
  readonly sharpe: number | null;
  readonly sortino: number | null;
}

const DAY_MS = 86_400_000;
/** Crypto trades every day of the year. */
const PERIODS_PER_YEAR = 365;

export function measurePerformance(input: PerformanceInput): Performance {
  const curve = [...input.equityCurve].sort((a, b) => a.at.getTime() - b.at.getTime());
  const pnls = input.trades.map((trade) => new Decimal(trade.pnlUsd));
  const wins = pnls.filter((pnl) => pnl.gt(0)).length;
  const realised = Decimal.sum(0, ...pnls);
  const unrealised = Decimal.sum(
    0,
    ...input.openPositions.map((mark) =>
      new Decimal(mark.markPrice).minus(mark.entryPrice).mul(mark.size),
    ),
  );
  const drawdown = maxDrawdown(curve);
  const returns = dailyReturns(curve);
  return {
    tradeCount: pnls.length,
    wins,
    losses: pnls.filter((pnl) => pnl.lt(0)).length,
    winRate: pnls.length === 0 ? null : wins / pnls.length,
    realisedPnlUsd: realised.toFixed(),
    unrealisedPnlUsd: unrealised.toFixed(),
    totalPnlUsd: realised.plus(unrealised).toFixed(),
    maxDrawdownUsd: drawdown.usd.toFixed(),
    maxDrawdownPct: drawdown.pct.toFixed(),
    exposure: exposure(curve),
    dailyReturns: returns,
    sharpe: sharpeRatio(returns),
    sortino: sortinoRatio(returns),
  };
}

/** The largest fall from a running peak, in USD and in % of that peak, each on its own. */
export function maxDrawdown(curve: readonly EquityPoint[]): { usd: Decimal; pct: Decimal } {
  let peak: Decimal | null = null;
  let usd = new Decimal(0);
  let pct = new Decimal(0);
  for (const point of curve) {
    const equity = new Decimal(point.equityUsd);
    peak = peak === null ? equity : Decimal.max(peak, equity);
    usd = Decimal.max(usd, peak.minus(equity));
    if (peak.gt(0)) {
      pct = Decimal.max(pct, peak.minus(equity).div(peak).mul(100));
    }
  }
  return { usd, pct };
}

/** The share of the curve's time span spent in a position; null for a span of zero. */
export function exposure(curve: readonly EquityPoint[]): number | null {
  const span = curve.length < 2 ? 0 : curve[curve.length - 1].at.getTime() - curve[0].at.getTime();
  if (span === 0) {
    return null;
  }
  let exposed = 0;
  for (let i = 0; i + 1 < curve.length; i++) {
    if (curve[i].inPosition) {
      exposed += curve[i + 1].at.getTime() - curve[i].at.getTime();
    }
  }
  return exposed / span;
}

/**
 * One simple return per UTC day from the first point's day to the last's: r_d = E_d / E_{d−1} − 1,
 * where E_d is the last equity of day d (carried over a day without points, a return of 0) and
 * the first point's equity stands for E_0. Computed in decimals, returned as numbers (statistics).
 */
export function dailyReturns(curve: readonly EquityPoint[]): number[] {
  if (curve.length === 0) {
    return [];
  }
  const returns: number[] = [];
  let previous = new Decimal(curve[0].equityUsd);
  let index = 0;
  const lastDay = utcDay(curve[curve.length - 1].at);
  for (let day = utcDay(curve[0].at); day <= lastDay; day++) {
    let close = previous;
    while (index < curve.length && utcDay(curve[index].at) === day) {
      close = new Decimal(curve[index].equityUsd);
      index++;
    }
    returns.push(close.div(previous).minus(1).toNumber());
    previous = close;
  }
  return returns;
}

/**
 * Annualised Sharpe ratio of daily returns, with no risk-free rate:
 * mean(r) / s(r) × √365, where s is the sample standard deviation (n − 1). Null, not 0, with
 * fewer than 2 daily returns or no deviation: the ratio is then not measurable, which is not the
 * same as a ratio of 0.
 */
export function sharpeRatio(returns: readonly number[]): number | null {
  if (returns.length < 2) {
    return null;
  }
  const mean = average(returns);
  const variance = returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1);
  return variance === 0 ? null : (mean / Math.sqrt(variance)) * Math.sqrt(PERIODS_PER_YEAR);
}

/**
 * Annualised Sortino ratio: mean(r) / √(Σ min(r, 0)² / n) × √365 (target 0, downside deviation
 * over all n days). Null with fewer than 2 returns or no losing day.
 */
export function sortinoRatio(returns: readonly number[]): number | null {
  if (returns.length < 2) {
    return null;
  }
  const downside = returns.reduce((sum, r) => sum + Math.min(r, 0) ** 2, 0) / returns.length;
  return downside === 0
    ? null
    : (average(returns) / Math.sqrt(downside)) * Math.sqrt(PERIODS_PER_YEAR);
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function utcDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}
