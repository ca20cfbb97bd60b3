import { Decimal } from '@nexwave/core';

import type { Side } from './order';

export type TradeSide = 'open_long' | 'open_short' | 'close_long' | 'close_short';

/** Net position of one account in one market; `amount` is signed (negative = short). */
export interface Position {
  symbol: string;
  amount: Decimal;
  entryPrice: Decimal;
  createdAt: number;
  updatedAt: number;
}

export interface PositionChange {
  position: Position | undefined;
  /** Entry price before the fill (what Pacifica reports as the fill's entry_price). */
  entryPrice: Decimal;
  realisedPnl: Decimal;
  tradeSide: TradeSide;
}

/**
 * Applies a fill to a net position: adds at a volume-weighted entry, or closes with realised PnL
 * (and opens the rest on the other side when the fill flips the position).
 */
export function applyFill(
  position: Position | undefined,
  symbol: string,
  side: Side,
  price: Decimal,
  amount: Decimal,
  now: number,
): PositionChange {
  const signed = side === 'bid' ? amount : amount.neg();
  const current = position?.amount ?? new Decimal(0);
  const entry = position?.entryPrice ?? price;
  const next = current.plus(signed);
  if (current.isZero() || current.isNeg() === signed.isNeg()) {
    const entryPrice = current.isZero()
      ? price
      : entry.mul(current.abs()).plus(price.mul(amount)).div(next.abs());
    return {
      position: {
        symbol,
        amount: next,
        entryPrice,
        createdAt: position?.createdAt ?? now,
        updatedAt: now,
      },
      entryPrice: entry,
      realisedPnl: new Decimal(0),
      tradeSide: side === 'bid' ? 'open_long' : 'open_short',
    };
  }
  const closed = Decimal.min(amount, current.abs());
  const direction = current.isPos() ? 1 : -1;
  const realisedPnl = price.minus(entry).mul(closed).mul(direction);
  const tradeSide = current.isPos() ? 'close_long' : 'close_short';
  if (next.isZero()) {
    return { position: undefined, entryPrice: entry, realisedPnl, tradeSide };
  }
  const flipped = next.isNeg() !== current.isNeg();
  return {
    position: {
      symbol,
      amount: next,
      entryPrice: flipped ? price : entry,
      createdAt: flipped ? now : (position?.createdAt ?? now),
      updatedAt: now,
    },
    entryPrice: entry,
    realisedPnl,
    tradeSide,
  };
}

export function unrealisedPnl(position: Position, mark: Decimal): Decimal {
  return mark.minus(position.entryPrice).mul(position.amount);
}
