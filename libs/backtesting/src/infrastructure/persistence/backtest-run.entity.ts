import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { BacktestEquityPoint, BacktestSummary } from '@nexwave/backtest';
import type { RoundTrip } from '@nexwave/strategy';

import type { BacktestRunStatus } from '../../domain/backtest-run';

/** A row of `backtest_runs` (migration 1795600106000). */
@Entity({ name: 'backtest_runs' })
@Check('backtest_runs_status_check', `status IN ('running', 'succeeded', 'failed')`)
@Index('backtest_runs_created_at_idx', { synchronize: false })
export class BacktestRunEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  strategy!: string;

  /** After defaults. */
  @Column({ type: 'jsonb' })
  parameters!: Record<string, unknown>;

  @Column({ type: 'text', array: true })
  symbols!: string[];

  @Column({ type: 'text' })
  timeframe!: string;

  @Column({ type: 'timestamptz' })
  from!: Date;

  @Column({ type: 'timestamptz' })
  to!: Date;

  @Column({ type: 'text' })
  status!: BacktestRunStatus;

  @Column({ name: 'candles_done', type: 'integer', default: 0 })
  candlesDone!: number;

  @Column({ name: 'candles_total', type: 'integer', default: 0 })
  candlesTotal!: number;

  @Column({ type: 'jsonb', nullable: true })
  summary!: BacktestSummary | null;

  @Column({ type: 'jsonb', nullable: true })
  trades!: RoundTrip[] | null;

  @Column({ name: 'equity_curve', type: 'jsonb', nullable: true })
  equityCurve!: BacktestEquityPoint[] | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** The backtesting entities (TypeOrmModule.forFeature; tests give them to their DataSource). */
export const BACKTESTING_ENTITIES = [BacktestRunEntity];
