import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A row of `market_data_gaps` (migrations/*-create-ingestion-records.ts owns the table). */
@Entity({ name: 'market_data_gaps' })
@Index('market_data_gaps_symbol_time_idx', { synchronize: false })
@Check('market_data_gaps_reason_check', `reason IN ('reconnect', 'buffer_full')`)
export class MarketDataGapEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  symbol!: string;

  @Column({ name: 'from_time', type: 'timestamptz' })
  fromTime!: Date;

  @Column({ name: 'to_time', type: 'timestamptz' })
  toTime!: Date;

  @Column({ type: 'text' })
  reason!: 'reconnect' | 'buffer_full';

  @Column({ name: 'backfilled_trades', type: 'integer', default: 0 })
  backfilledTrades!: number;

  @Column({ name: 'unfilled_from', type: 'timestamptz', nullable: true })
  unfilledFrom!: Date | null;

  @Column({ name: 'unfilled_to', type: 'timestamptz', nullable: true })
  unfilledTo!: Date | null;

  @Column({ name: 'detected_at', type: 'timestamptz', default: () => 'now()' })
  detectedAt!: Date;
}
