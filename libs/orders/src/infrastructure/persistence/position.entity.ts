import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `positions`: one net position per account (paper or live) and symbol. */
@Entity({ name: 'positions' })
@Check('positions_entry_price_check', `(size = 0) = (entry_price IS NULL)`)
export class PositionEntity {
  @PrimaryColumn({ type: 'boolean', primaryKeyConstraintName: 'positions_pkey' })
  paper!: boolean;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'positions_pkey' })
  symbol!: string;

  /** Signed base units: negative is short. */
  @Column({ type: 'numeric' })
  size!: string;

  @Column({ name: 'entry_price', type: 'numeric', nullable: true })
  entryPrice!: string | null;

  @Column({ name: 'realised_pnl_usd', type: 'numeric', default: 0 })
  realisedPnlUsd!: string;

  @Column({ name: 'fees_usd', type: 'numeric', default: 0 })
  feesUsd!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
