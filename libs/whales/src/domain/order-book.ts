import { Decimal } from '@nexwave/core';

/** The book side a whale rests on: `bid` is buy liquidity, `ask` is sell liquidity. */
export type BookSide = 'bid' | 'ask';

/** One aggregated level as Pacifica sends it (`p`, `a`, `n`): decimal strings, order count. */
export interface Level {
  readonly price: string;
  readonly amount: string;
  readonly orders: number;
}

/** A full book snapshot; each side best price first (bids descending, asks ascending). */
export interface OrderBookSnapshot {
  readonly symbol: string;
  readonly time: Date;
  readonly bids: readonly Level[];
  readonly asks: readonly Level[];
}

/**
 * A level with float copies of its price and amount. Floats are used for detection statistics
 * only (shares, medians, ratios); every reported size, price and notional is computed exactly
 * from the level's strings.
 */
export interface PricedLevel {
  readonly level: Level;
  readonly price: number;
  readonly amount: number;
}

/**
 * Levels whose price or amount is not a positive finite number are left out: they cannot be
 * resting liquidity, and one malformed level must not hide a whale elsewhere in the book.
 */
export function pricedLevels(levels: readonly Level[]): PricedLevel[] {
  const priced: PricedLevel[] = [];
  for (const level of levels) {
    const price = Number(level.price);
    const amount = Number(level.amount);
    if (price > 0 && amount > 0 && Number.isFinite(price) && Number.isFinite(amount)) {
      priced.push({ level, price, amount });
    }
  }
  return priced;
}

/**
 * The price a whale's market impact is measured from: the mid when both sides are present,
 * otherwise the best price of the only side (a one-sided book has no mid), null when empty.
 */
export function referencePrice(book: OrderBookSnapshot): string | null {
  const bestBid = pricedLevels(book.bids)[0];
  const bestAsk = pricedLevels(book.asks)[0];
  if (bestBid && bestAsk) {
    return new Decimal(bestBid.level.price).plus(bestAsk.level.price).div(2).toFixed();
  }
  return (bestBid ?? bestAsk)?.level.price ?? null;
}

/** Σ price × amount, exact. */
export function notionalUsd(levels: readonly PricedLevel[]): Decimal {
  return levels.reduce(
    (sum, { level }) => sum.plus(new Decimal(level.price).times(level.amount)),
    new Decimal(0),
  );
}
