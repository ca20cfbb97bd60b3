import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A row of `ticks_dead_letter` (migrations/*-create-ingestion-records.ts owns the table). */
@Entity({ name: 'ticks_dead_letter' })
@Index('ticks_dead_letter_time_idx', { synchronize: false })
export class TickDeadLetterEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  symbol!: string | null;

  @Column({ name: 'trade_id', type: 'text', nullable: true })
  tradeId!: string | null;

  /** The trade as received; Postgres jsonb cannot hold NUL, so it is escaped before saving. */
  @Column({ type: 'jsonb' })
  payload!: object;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'dead_lettered_at', type: 'timestamptz', default: () => 'now()' })
  deadLetteredAt!: Date;
}
