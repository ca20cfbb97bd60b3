import { dailyReturns, sharpeRatio, sortinoRatio, type EquityPoint } from '@nexwave/strategy';

import type { BacktestEquityPoint } from './backtest-input';

const DAY_MS = 86_400_000;

export interface CurveFigures {
  readonly maxDrawdown: number;
  readonly maxDrawdownPct: number;
  readonly exposure: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
}

/**
 * The equity curve, one point per instant, with the live performance figures measured as it grows
 * (in doubles, O(1) a point): drawdown from the running peak, time in position over the span, and
 * the daily returns of the live `dailyReturns` (fed only each UTC day's last point, which is all
 * it reads) for the live Sharpe and Sortino. A point at the instant of the newest one replaces it
 * (a fill at a candle's open, then that candle's close), so it is measured only once the next
 * instant comes.
 */
export class EquityCurve {
  readonly points: BacktestEquityPoint[] = [];
  private open: BacktestEquityPoint | null = null;
  private peak = -Infinity;
  private maxDrawdown = 0;
  private maxDrawdownPct = 0;
  private exposed = 0;
  private readonly dayCloses: EquityPoint[] = [];

  record(time: number, equityUsd: number, inPosition: boolean): void {
    if (this.open !== null && this.open.time !== time) {
      this.commit(this.open, false);
    }
    this.open = { time, equityUsd, inPosition };
  }

  /** Call once, after the last point. */
  figures(): CurveFigures {
    if (this.open !== null) {
      this.commit(this.open, true);
      this.open = null;
    }
    const first = this.points[0];
    const last = this.points[this.points.length - 1];
    const span = first === undefined ? 0 : last.time - first.time;
    const returns =
      first === undefined ? [] : dailyReturns([this.dayPoint(first), ...this.dayCloses]);
    return {
      maxDrawdown: this.maxDrawdown,
      maxDrawdownPct: this.maxDrawdownPct,
      exposure: span === 0 ? null : this.exposed / span,
      sharpe: sharpeRatio(returns),
      sortino: sortinoRatio(returns),
    };
  }

  private commit(point: BacktestEquityPoint, last: boolean): void {
    const previous = this.points[this.points.length - 1];
    if (previous !== undefined) {
      if (previous.inPosition) {
        this.exposed += point.time - previous.time;
      }
      if (Math.floor(previous.time / DAY_MS) !== Math.floor(point.time / DAY_MS)) {
        this.dayCloses.push(this.dayPoint(previous));
      }
    }
    this.points.push(point);
    this.peak = Math.max(this.peak, point.equityUsd);
    const drawdown = this.peak - point.equityUsd;
    this.maxDrawdown = Math.max(this.maxDrawdown, drawdown);
    if (this.peak > 0) {
      this.maxDrawdownPct = Math.max(this.maxDrawdownPct, (drawdown / this.peak) * 100);
    }
    if (last) {
      this.dayCloses.push(this.dayPoint(point));
    }
  }

  private dayPoint(point: BacktestEquityPoint): EquityPoint {
    return {
      at: new Date(point.time),
      equityUsd: String(point.equityUsd),
      inPosition: point.inPosition,
    };
  }
}
