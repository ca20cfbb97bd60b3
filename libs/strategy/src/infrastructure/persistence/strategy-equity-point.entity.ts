import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `strategy_equity_points` (migration 1795600099000): one per strategy and instant. */
@Entity({ name: 'strategy_equity_points' })
export class StrategyEquityPointEntity {
  @PrimaryColumn({ name: 'strategy_id', type: 'text' })
  strategyId!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'equity_usd', type: 'numeric' })
  equityUsd!: string;

  @Column({ name: 'in_position', type: 'boolean' })
  inPosition!: boolean;
}
