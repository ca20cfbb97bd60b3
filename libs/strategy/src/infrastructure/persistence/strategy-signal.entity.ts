import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { SignalStatus } from '../../application/ports/signal.repository.port';

/** A row of `strategy_signals` (migrations 1795600098000, 1795600101000); numerics as strings. */
@Entity({ name: 'strategy_signals' })
@Index('strategy_signals_strategy_id_created_at_idx', { synchronize: false })
@Index('strategy_signals_pending_risk_idx', { synchronize: false })
@Check('strategy_signals_side_check', `side IN ('bid', 'ask')`)
@Check('strategy_signals_intent_check', `intent IN ('entry', 'exit')`)
@Check(
  'strategy_signals_status_check',
  `status IN ('pending_risk', 'sent', 'rejected', 'below_lot', 'expired')`,
)
@Check(
  'strategy_signals_sent_check',
  `(status = 'sent') = (risk_approved IS TRUE AND amount IS NOT NULL)`,
)
export class StrategySignalEntity {
  @PrimaryColumn({ name: 'client_order_id', type: 'uuid' })
  clientOrderId!: string;

  @Column({ name: 'strategy_id', type: 'text' })
  strategyId!: string;

  @Column({ type: 'text' })
  symbol!: string;

  @Column({ type: 'text' })
  side!: 'bid' | 'ask';

  @Column({ type: 'text' })
  intent!: 'entry' | 'exit';

  /** What the strategy asked for, unrounded. */
  @Column({ type: 'numeric' })
  size!: string;

  /** Rounded to the lot; null below one lot. */
  @Column({ type: 'numeric', nullable: true })
  amount!: string | null;

  @Column({ type: 'numeric' })
  price!: string;

  @Column({ name: 'stop_loss', type: 'numeric', nullable: true })
  stopLoss!: string | null;

  @Column({ name: 'take_profit', type: 'numeric', nullable: true })
  takeProfit!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'jsonb' })
  indicators!: Record<string, string>;

  @Column({ name: 'bucket_start', type: 'timestamptz' })
  bucketStart!: Date;

  /** Null when risk was not asked (below one lot). */
  @Column({ name: 'risk_approved', type: 'boolean', nullable: true })
  riskApproved!: boolean | null;

  @Column({ name: 'risk_rule', type: 'text', nullable: true })
  riskRule!: string | null;

  @Column({ name: 'risk_reason', type: 'text', nullable: true })
  riskReason!: string | null;

  @Column({ type: 'text' })
  status!: SignalStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The sent order's last applied event (null until one arrives): cumulative fill and fee. */
  @Column({ name: 'order_sequence', type: 'integer', nullable: true })
  orderSequence!: number | null;

  @Column({ name: 'filled_amount', type: 'numeric', nullable: true })
  filledAmount!: string | null;

  @Column({ name: 'average_fill_price', type: 'numeric', nullable: true })
  averageFillPrice!: string | null;

  @Column({ name: 'fee_usd', type: 'numeric', nullable: true })
  feeUsd!: string | null;

  /** When the order reached that state (migration 1795600099000). */
  @Column({ name: 'order_event_at', type: 'timestamptz', nullable: true })
  orderEventAt!: Date | null;
}
