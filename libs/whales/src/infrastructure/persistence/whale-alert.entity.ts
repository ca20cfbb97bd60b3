import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { AlertChannelName } from '../../application/ports/alert-channel.port';

export type WhaleAlertStatus = 'pending' | 'sent' | 'failed';

/** A row of the whale_alerts outbox (migration 1795600091000), one per activity, channel and revision. */
@Entity({ name: 'whale_alerts' })
export class WhaleAlertEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** whale_activities.activity_id (the foreign key is the migration's). */
  @Column({ name: 'activity_id', type: 'uuid' })
  activityId!: string;

  @Column({ type: 'text' })
  channel!: AlertChannelName;

  /** 0: the detection alert; 1, 2, ...: update alerts (migration 1795600107000). */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ type: 'jsonb' })
  payload!: object;

  @Column({ type: 'text', default: 'pending' })
  status!: WhaleAlertStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
