/**
 * A strategy's latest measured performance (see measurePerformance): money in decimal strings,
 * ratios in numbers (null when not measurable), `asOf` the newest equity point.
 */
export interface StrategyPerformanceView {
  readonly strategyId: string;
  readonly asOf: Date;
  readonly startingEquityUsd: string;
  readonly equityUsd: string;
  readonly realisedPnlUsd: string;
  readonly unrealisedPnlUsd: string;
  readonly totalPnlUsd: string;
  readonly tradeCount: number;
  readonly wins: number;
  readonly losses: number;
  readonly winRate: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly maxDrawdownUsd: string;
  readonly maxDrawdownPct: string;
  readonly exposure: number | null;
}

/** A closed round trip of a strategy; PnL after the fees of its fills. */
export interface StrategyTradeView {
  readonly strategyId: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly quantity: string;
  readonly entryPrice: string;
  readonly exitPrice: string;
  readonly feesUsd: string;
  readonly pnlUsd: string;
  readonly openedAt: Date;
  readonly closedAt: Date;
}

/** The stored performance, read by any process (the engine need not run there). */
export abstract class PerformanceReadModelPort {
  abstract performance(strategyId: string): Promise<StrategyPerformanceView | null>;
  /** Closed trades, newest first. */
  abstract trades(strategyId: string, limit: number): Promise<StrategyTradeView[]>;
}
