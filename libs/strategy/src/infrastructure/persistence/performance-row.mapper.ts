import type { StrategyPerformanceView } from '../../application/queries/performance-read-model.port';
import type { RoundTrip } from '../../domain/engine/strategy-book';
import type { EquityPoint } from '../../domain/performance';
import type { StrategyEquityPointEntity } from './strategy-equity-point.entity';
import type { StrategyPerformanceEntity } from './strategy-performance.entity';
import type { StrategyTradeEntity } from './strategy-trade.entity';

export function toTradeRow(strategyId: string, trip: RoundTrip): StrategyTradeEntity {
  return { strategyId, ...trip };
}

export function toRoundTrip(row: StrategyTradeEntity): RoundTrip {
  const { strategyId: _strategyId, ...trip } = row;
  return trip;
}

export function toPointRow(strategyId: string, point: EquityPoint): StrategyEquityPointEntity {
  return { strategyId, ...point };
}

export function toEquityPoint(row: StrategyEquityPointEntity): EquityPoint {
  return { at: row.at, equityUsd: row.equityUsd, inPosition: row.inPosition };
}

export function toPerformanceRow(view: StrategyPerformanceView): StrategyPerformanceEntity {
  return {
    ...view,
    winRate: ratioText(view.winRate),
    sharpe: ratioText(view.sharpe),
    sortino: ratioText(view.sortino),
    exposure: ratioText(view.exposure),
  };
}

/** A row of SELECT_STRATEGY_PERFORMANCE: every numeric as text. */
export type PerformanceTextRow = Omit<
  StrategyPerformanceView,
  'winRate' | 'sharpe' | 'sortino' | 'exposure'
> &
  Record<'winRate' | 'sharpe' | 'sortino' | 'exposure', string | null>;

export function toPerformanceView(row: PerformanceTextRow): StrategyPerformanceView {
  return {
    ...row,
    winRate: ratio(row.winRate),
    sharpe: ratio(row.sharpe),
    sortino: ratio(row.sortino),
    exposure: ratio(row.exposure),
  };
}

/** Ratios are doubles: stored as the shortest text that reads back as the same number. */
function ratioText(value: number | null): string | null {
  return value === null ? null : String(value);
}

function ratio(text: string | null): number | null {
  return text === null ? null : Number(text);
}
