import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Envelope } from '../envelope';

/** A row of `outbox_messages` (migrations/*-create-outbox-inbox.ts owns the table). */
@Entity({ name: 'outbox_messages' })
@Index('outbox_messages_unpublished_idx', { synchronize: false })
@Check('outbox_messages_attempts_check', `attempts >= 0`)
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Relay order; assigned by the database. */
  @Column({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
    insert: false,
    update: false,
  })
  position!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  envelope!: Envelope;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The relay holding the row until `claimedUntil` (publishing it); null when free. */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;
}
