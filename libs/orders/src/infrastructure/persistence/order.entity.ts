import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

import type { OrderSide, OrderType, TimeInForce } from '../../domain/order';
import type { OrderStatus } from '../../domain/order-status';

/** A row of `orders` (migrations 1795600003000 and 1795600095000); numerics as strings. */
@Entity({ name: 'orders' })
@Unique('orders_client_order_id_key', ['clientOrderId'])
@Unique('orders_exchange_order_id_key', ['exchangeOrderId'])
@Index('orders_strategy_id_created_at_idx', { synchronize: false })
@Index('orders_symbol_status_created_at_idx', { synchronize: false })
@Index('orders_status_created_at_idx', { synchronize: false })
@Check('orders_side_check', `side IN ('bid', 'ask')`)
@Check('orders_order_type_check', `order_type IN ('market', 'limit')`)
@Check('orders_amount_check', `amount > 0`)
@Check('orders_filled_amount_check', `filled_amount >= 0`)
@Check('orders_check', `order_type = 'market' OR price IS NOT NULL`)
@Check(
  'orders_status_check',
  `status IN ('pending', 'open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'unknown')`,
)
@Check('orders_sequence_check', `sequence >= 0`)
export class OrderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'client_order_id', type: 'uuid' })
  clientOrderId!: string;

  @Column({ name: 'exchange_order_id', type: 'text', nullable: true })
  exchangeOrderId!: string | null;

  @Column({ name: 'strategy_id', type: 'text' })
  strategyId!: string;

  @Column({ type: 'text' })
  symbol!: string;

  @Column({ type: 'text' })
  side!: OrderSide;

  @Column({ name: 'order_type', type: 'text' })
  orderType!: OrderType;

  @Column({ type: 'text', nullable: true })
  tif!: TimeInForce | null;

  @Column({ type: 'numeric' })
  amount!: string;

  @Column({ type: 'numeric', nullable: true })
  price!: string | null;

  @Column({ name: 'slippage_percent', type: 'numeric', nullable: true })
  slippagePercent!: string | null;

  @Column({ name: 'reduce_only', type: 'boolean', default: false })
  reduceOnly!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: OrderStatus;

  @Column({ name: 'filled_amount', type: 'numeric', default: 0 })
  filledAmount!: string;

  @Column({ name: 'filled_notional_usd', type: 'numeric', default: 0 })
  filledNotionalUsd!: string;

  /** Derived (filled_notional_usd / filled_amount), kept for readers of the table. */
  @Column({ name: 'average_fill_price', type: 'numeric', nullable: true })
  averageFillPrice!: string | null;

  @Column({ name: 'fee_usd', type: 'numeric', default: 0 })
  feeUsd!: string;

  /** Why it was canceled, rejected or became unknown. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'boolean' })
  paper!: boolean;

  /** The sequence of the order's last event; a save must follow it. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'filled_at', type: 'timestamptz', nullable: true })
  filledAt!: Date | null;

  @Column({ name: 'canceled_at', type: 'timestamptz', nullable: true })
  canceledAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata!: object;
}
