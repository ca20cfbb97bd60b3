import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

import type { OrderLiquidity } from '../../domain/order';
import { OrderEntity } from './order.entity';

/** A row of `fills`; (order_id, fill_id) is unique, so a re-delivered fill is stored once. */
@Entity({ name: 'fills' })
@Unique('fills_order_id_fill_id_key', ['orderId', 'fillId'])
@Check('fills_amount_check', `amount > 0`)
@Check('fills_liquidity_check', `liquidity IN ('maker', 'taker')`)
export class FillEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fills_order_id_fkey' })
  order?: OrderEntity;

  @Column({ name: 'fill_id', type: 'text' })
  fillId!: string;

  @Column({ type: 'numeric' })
  price!: string;

  @Column({ type: 'numeric' })
  amount!: string;

  /** In USD. */
  @Column({ type: 'numeric', default: 0 })
  fee!: string;

  @Column({ type: 'text' })
  liquidity!: OrderLiquidity;

  @Column({ name: 'filled_at', type: 'timestamptz' })
  filledAt!: Date;
}
