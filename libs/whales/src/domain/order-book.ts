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
 * One side's valid levels parsed once into typed arrays, best price first. The floats serve the
 * detection statistics only (shares, medians, ratios, the USD pre-check); every reported size,
 * price and notional is computed exactly from `levels[i]`, the snapshot's level at position i.
 */
export interface SideLevels {
  readonly price: Float64Array;
  readonly amount: Float64Array;
  readonly levels: readonly Level[];
}

/**
 * Levels whose price or amount is not a positive finite number are left out: they cannot be
 * resting liquidity, and one malformed level must not hide a whale elsewhere in the book.
 */
export function parseSide(levels: readonly Level[]): SideLevels {
  const price = new Float64Array(levels.length);
  const amount = new Float64Array(levels.length);
  const valid: Level[] = [];
  for (const level of levels) {
    const p = toFloat(level.price);
    const a = toFloat(level.amount);
    if (p > 0 && a > 0 && Number.isFinite(p) && Number.isFinite(a)) {
      price[valid.length] = p;
      amount[valid.length] = a;
      valid.push(level);
    }
  }
  return {
    price: price.subarray(0, valid.length),
    amount: amount.subarray(0, valid.length),
    levels: valid,
  };
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Number(text), faster for what the exchange sends: plain digits with at most one point and at
 * most 15 digits are read as an integer over a power of ten, both exact in a double, so the one
 * division rounds correctly, to the same double as Number (Clinger's fast path). Anything else
 * (signs, exponents, spaces, long digit strings) goes to Number.
 */
export function toFloat(text: string): number {
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      mantissa = mantissa * 10 + (code - 0x30);
      digits += 1;
      decimals += decimals >= 0 ? 1 : 0;
    } else if (code === 0x2e && decimals < 0) {
      decimals = 0;
    } else {
      return Number(text);
    }
  }
  if (digits === 0 || digits > 15) {
    return Number(text);
  }
  return decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
}

/**
 * The price a whale's market impact is measured from: the mid when both sides are present,
 * otherwise the best price of the only side (a one-sided book has no mid), null when empty.
 */
export function referencePrice(book: {
  readonly bid: SideLevels;
  readonly ask: SideLevels;
}): string | null {
  const bestBid = book.bid.levels[0];
  const bestAsk = book.ask.levels[0];
  if (bestBid && bestAsk) {
    return new Decimal(bestBid.price).plus(bestAsk.price).div(2).toFixed();
  }
  return (bestBid ?? bestAsk)?.price ?? null;
}

/** Σ price × amount over the side's levels at `positions`, exact. */
export function notionalUsd(side: SideLevels, positions: readonly number[]): Decimal {
  let sum = new Decimal(0);
  for (const position of positions) {
    const level = side.levels[position];
    sum = sum.plus(new Decimal(level.price).times(level.amount));
  }
  return sum;
}

/**
 * Whether Σ price × amount is strictly over `thresholdUsd`. The float sum decides when it is
 * clearly under (its error is far below the margin); only a near or passing sum is computed
 * exactly, and that exact sum is returned for reporting.
 */
export function notionalOver(
  side: SideLevels,
  positions: readonly number[],
  thresholdUsd: Decimal.Value,
): Decimal | null {
  let approximate = 0;
  for (const position of positions) {
    approximate += side.price[position] * side.amount[position];
  }
  if (approximate < Number(thresholdUsd) * (1 - 1e-9)) {
    return null;
  }
  const exact = notionalUsd(side, positions);
  return exact.gt(thresholdUsd) ? exact : null;
}
