import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `risk_daily_loss` (migration 1795600097000): one strategy's loss tracking for one UTC day. */
@Entity({ name: 'risk_daily_loss' })
export class RiskDailyLossEntity {
  @PrimaryColumn({
    name: 'strategy_id',
    type: 'text',
    primaryKeyConstraintName: 'risk_daily_loss_pkey',
  })
  strategyId!: string;

  /** YYYY-MM-DD. */
  @PrimaryColumn({
    name: 'utc_day',
    type: 'date',
    primaryKeyConstraintName: 'risk_daily_loss_pkey',
  })
  utcDay!: string;

  @Column({ name: 'start_equity_usd', type: 'numeric' })
  startEquityUsd!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;
}
