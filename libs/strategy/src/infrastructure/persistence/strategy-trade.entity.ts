import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A row of `strategy_trades` (migration 1795600099000): a closed round trip, keyed by its closing order event. */
@Entity({ name: 'strategy_trades' })
@Check('strategy_trades_side_check', `side IN ('long', 'short')`)
@Check('strategy_trades_quantity_check', `quantity > 0`)
@Index('strategy_trades_strategy_id_closed_at_idx', { synchronize: false })
export class StrategyTradeEntity {
  @PrimaryColumn({ name: 'strategy_id', type: 'text' })
  strategyId!: string;

  @PrimaryColumn({ name: 'closing_order_id', type: 'uuid' })
  closingOrderId!: string;

  @PrimaryColumn({ name: 'closing_sequence', type: 'integer' })
  closingSequence!: number;

  @Column({ type: 'text' })
  symbol!: string;

  @Column({ type: 'text' })
  side!: 'long' | 'short';

  @Column({ type: 'numeric' })
  quantity!: string;

  @Column({ name: 'entry_price', type: 'numeric' })
  entryPrice!: string;

  @Column({ name: 'exit_price', type: 'numeric' })
  exitPrice!: string;

  @Column({ name: 'fees_usd', type: 'numeric' })
  feesUsd!: string;

  @Column({ name: 'pnl_usd', type: 'numeric' })
  pnlUsd!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;
}
