import { Decimal } from '@nexwave/core';

import type { OrderSide } from './order';

/** A fill as a position sees it: which way, how much, at what price, for what fee. */
export interface PositionFill {
  readonly side: OrderSide;
  readonly amount: string;
  readonly price: string;
  readonly feeUsd: string;
  readonly at: Date;
}

/** The serialisable state of a net position in one market. */
export interface PositionSnapshot {
  readonly symbol: string;
  /** Signed base units: positive long, negative short, zero flat. */
  readonly size: string;
  /** Volume-weighted entry of the open size; null when flat. */
  readonly entryPrice: string | null;
  /** Profit realised by reducing or closing, before fees. */
  readonly realisedPnlUsd: string;
  readonly feesUsd: string;
  readonly updatedAt: Date | null;
}

const ZERO = new Decimal(0);

/**
 * A net position built from fills, all in exact decimals. Adding keeps a volume-weighted entry;
 * reducing realises (price - entry) × closed × direction; a fill larger than the position closes
 * it and opens the rest on the other side at the fill price. Immutable: `apply` returns the next.
 */
export class Position {
  private constructor(
    readonly symbol: string,
    readonly size: Decimal,
    readonly entryPrice: Decimal | null,
    readonly realisedPnlUsd: Decimal,
    readonly feesUsd: Decimal,
    readonly updatedAt: Date | null,
  ) {}

  static flat(symbol: string): Position {
    return new Position(symbol, ZERO, null, ZERO, ZERO, null);
  }

  static restore(snapshot: PositionSnapshot): Position {
    return new Position(
      snapshot.symbol,
      new Decimal(snapshot.size),
      snapshot.entryPrice === null ? null : new Decimal(snapshot.entryPrice),
      new Decimal(snapshot.realisedPnlUsd),
      new Decimal(snapshot.feesUsd),
      snapshot.updatedAt,
    );
  }

  get isFlat(): boolean {
    return this.size.isZero();
  }

  apply(fill: PositionFill): Position {
    const amount = new Decimal(fill.amount);
    const price = new Decimal(fill.price);
    const signed = fill.side === 'bid' ? amount : amount.neg();
    const next = this.size.plus(signed);
    const fees = this.feesUsd.plus(fill.feeUsd);
    const entry = this.entryPrice ?? price;

    if (this.isFlat || this.size.isNeg() === signed.isNeg()) {
      const weighted = entry.mul(this.size.abs()).plus(price.mul(amount)).div(next.abs());
      return new Position(this.symbol, next, weighted, this.realisedPnlUsd, fees, fill.at);
    }
    const closed = Decimal.min(amount, this.size.abs());
    const direction = this.size.isPos() ? 1 : -1;
    const realised = this.realisedPnlUsd.plus(price.minus(entry).mul(closed).mul(direction));
    const flipped = !next.isZero() && next.isNeg() !== this.size.isNeg();
    const nextEntry = next.isZero() ? null : flipped ? price : entry;
    return new Position(this.symbol, next, nextEntry, realised, fees, fill.at);
  }

  /** (mark - entry) × signed size; zero when flat. */
  unrealisedPnlUsd(markPrice: Decimal.Value): Decimal {
    return this.entryPrice === null
      ? ZERO
      : new Decimal(markPrice).minus(this.entryPrice).mul(this.size);
  }

  snapshot(): PositionSnapshot {
    return {
      symbol: this.symbol,
      size: this.size.toFixed(),
      entryPrice: this.entryPrice?.toFixed() ?? null,
      realisedPnlUsd: this.realisedPnlUsd.toFixed(),
      feesUsd: this.feesUsd.toFixed(),
      updatedAt: this.updatedAt,
    };
  }
}
