import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { BookSide } from '../../domain/order-book';
import type { WhaleKind } from '../../domain/whale-candidate';

/** A row of whale_activities (migrations 1795600002000, 1795600091000 and 1795600094000); numerics as strings. */
@Entity({ name: 'whale_activities' })
export class WhaleActivityEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  /** The tracker's id (uuid v7), the activityId of whales.detected.v1. */
  @Column({ name: 'activity_id', type: 'uuid', unique: true })
  activityId!: string;

  @Column({ type: 'text' })
  symbol!: string;

  @Column({ type: 'text' })
  side!: BookSide;

  @Column({ type: 'text' })
  kind!: WhaleKind;

  @Column({ name: 'price_low', type: 'numeric' })
  priceLow!: string;

  @Column({ name: 'price_high', type: 'numeric' })
  priceHigh!: string;

  @Column({ type: 'numeric' })
  size!: string;

  @Column({ name: 'notional_usd', type: 'numeric' })
  notionalUsd!: string;

  @Column({ name: 'level_count', type: 'integer' })
  levelCount!: number;

  @Column({ name: 'order_count', type: 'integer' })
  orderCount!: number;

  @Column({ type: 'numeric' })
  confidence!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt!: Date;

  @Column({ name: 'price_at_detection', type: 'numeric' })
  priceAtDetection!: string;

  @Column({ name: 'impact_1m_bps', type: 'numeric', nullable: true })
  impact1mBps!: string | null;

  @Column({ name: 'impact_5m_bps', type: 'numeric', nullable: true })
  impact5mBps!: string | null;

  @Column({ name: 'impact_15m_bps', type: 'numeric', nullable: true })
  impact15mBps!: string | null;

  @Column({ name: 'impact_60m_bps', type: 'numeric', nullable: true })
  impact60mBps!: string | null;

  /** Horizons (minutes) given up for lack of a price. */
  @Column({ name: 'impact_missed', type: 'smallint', array: true, default: () => "'{}'" })
  impactMissed!: number[];

  @Column({ name: 'impact_done', type: 'boolean', default: false })
  impactDone!: boolean;

  /** When the next impact measurement is due (migration 1795600094000); null: none scheduled. */
  @Column({ name: 'impact_due_at', type: 'timestamptz', nullable: true })
  impactDueAt!: Date | null;

  /** The detected levels and the running maxima. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata!: object;
}
