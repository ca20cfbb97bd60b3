import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of whale_trade_prices (migration 1795600092000): the last trade of a symbol's second. */
@Entity({ name: 'whale_trade_prices' })
export class WhaleTradePriceEntity {
  @PrimaryColumn({ type: 'text' })
  symbol!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  second!: Date;

  @Column({ type: 'timestamptz' })
  time!: Date;

  @Column({ type: 'numeric' })
  price!: string;
}
