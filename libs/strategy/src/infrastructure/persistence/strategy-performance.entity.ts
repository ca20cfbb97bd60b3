import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A row of `strategy_performance` (migration 1795600099000): a strategy's latest figures,
 * replaced whenever its ledger grows. Numerics as strings; ratios null when not measurable.
 */
@Entity({ name: 'strategy_performance' })
@Check('strategy_performance_trade_count_check', `trade_count >= 0`)
@Check('strategy_performance_wins_check', `wins >= 0`)
@Check('strategy_performance_losses_check', `losses >= 0`)
@Check('strategy_performance_win_rate_check', `win_rate BETWEEN 0 AND 1`)
@Check('strategy_performance_max_drawdown_usd_check', `max_drawdown_usd >= 0`)
@Check('strategy_performance_max_drawdown_pct_check', `max_drawdown_pct >= 0`)
@Check('strategy_performance_exposure_check', `exposure BETWEEN 0 AND 1`)
export class StrategyPerformanceEntity {
  @PrimaryColumn({ name: 'strategy_id', type: 'text' })
  strategyId!: string;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf!: Date;

  @Column({ name: 'starting_equity_usd', type: 'numeric' })
  startingEquityUsd!: string;

  @Column({ name: 'equity_usd', type: 'numeric' })
  equityUsd!: string;

  @Column({ name: 'realised_pnl_usd', type: 'numeric' })
  realisedPnlUsd!: string;

  @Column({ name: 'unrealised_pnl_usd', type: 'numeric' })
  unrealisedPnlUsd!: string;

  @Column({ name: 'total_pnl_usd', type: 'numeric' })
  totalPnlUsd!: string;

  @Column({ name: 'trade_count', type: 'integer' })
  tradeCount!: number;

  @Column({ type: 'integer' })
  wins!: number;

  @Column({ type: 'integer' })
  losses!: number;

  @Column({ name: 'win_rate', type: 'numeric', nullable: true })
  winRate!: string | null;

  @Column({ type: 'numeric', nullable: true })
  sharpe!: string | null;

  @Column({ type: 'numeric', nullable: true })
  sortino!: string | null;

  @Column({ name: 'max_drawdown_usd', type: 'numeric' })
  maxDrawdownUsd!: string;

  @Column({ name: 'max_drawdown_pct', type: 'numeric' })
  maxDrawdownPct!: string;

  @Column({ type: 'numeric', nullable: true })
  exposure!: string | null;
}
