import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

import type { OrderChangeCause, OrderEventType } from '../../domain/order';
import type { OrderStatus } from '../../domain/order-status';
import { OrderEntity } from './order.entity';

/** A row of `order_events`: one per order event, its payload the orders.events.v1 message. */
@Entity({ name: 'order_events' })
@Unique('order_events_order_id_sequence_key', ['orderId', 'sequence'])
@Index('order_events_order_id_occurred_at_idx', { synchronize: false })
@Check(
  'order_events_status_check',
  `status IN ('pending', 'open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'unknown')`,
)
@Check(
  'order_events_type_check',
  `type IN ('accepted', 'opened', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'unknown')`,
)
@Check(
  'order_events_cause_check',
  `cause IN ('request', 'exchange', 'paper', 'reconciliation', 'admin', 'breaker')`,
)
@Check('order_events_sequence_check', `sequence >= 0`)
export class OrderEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'order_events_order_id_fkey' })
  order?: OrderEntity;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  type!: OrderEventType;

  /** The order's status after the event. */
  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ type: 'text' })
  cause!: OrderChangeCause;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: object;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
