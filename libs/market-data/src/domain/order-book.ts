import { Decimal } from '@nexwave/core';

/** One price level: decimal strings as the exchange sent them, plus its USD notional. */
export interface OrderBookLevel {
  readonly price: string;
  readonly amount: string;
  readonly orders: number;
  /** price × amount, exact. */
  readonly notionalUsd: string;
}

/** A normalised full book snapshot; bids best (highest) first, asks best (lowest) first. */
export interface OrderBook {
  readonly symbol: string;
  /** Exchange time of the snapshot. */
  readonly time: Date;
  /** Exchange sequence when the feed carries one. */
  readonly sequence?: number;
  readonly bids: readonly OrderBookLevel[];
  readonly asks: readonly OrderBookLevel[];
}

/** A book snapshot as the exchange feed delivers it (time in epoch ms). */
export interface RawOrderBook {
  readonly symbol: string;
  readonly time: number;
  readonly sequence?: number;
  readonly bids: readonly RawBookLevel[];
  readonly asks: readonly RawBookLevel[];
}

export interface RawBookLevel {
  readonly price: string;
  readonly amount: string;
  readonly orders: number;
}

/**
 * Normalises a snapshot: levels whose price or amount is not a positive decimal are dropped (they
 * cannot be resting liquidity), each side is sorted best first, and every level gets its notional.
 * The symbol keeps its case (`kBONK`).
 */
export function normaliseOrderBook(raw: RawOrderBook): OrderBook {
  return {
    symbol: raw.symbol,
    time: new Date(raw.time),
    ...(raw.sequence === undefined ? {} : { sequence: raw.sequence }),
    bids: normaliseSide(raw.bids, 'desc'),
    asks: normaliseSide(raw.asks, 'asc'),
  };
}

function normaliseSide(levels: readonly RawBookLevel[], order: 'asc' | 'desc'): OrderBookLevel[] {
  const parsed: { level: OrderBookLevel; price: Decimal }[] = [];
  for (const level of levels) {
    const price = positiveDecimal(level.price);
    const amount = positiveDecimal(level.amount);
    if (!price || !amount) {
      continue;
    }
    parsed.push({
      price,
      level: {
        price: level.price,
        amount: level.amount,
        orders: level.orders,
        notionalUsd: price.mul(amount).toFixed(),
      },
    });
  }
  parsed.sort((a, b) => (order === 'asc' ? a.price.cmp(b.price) : b.price.cmp(a.price)));
  return parsed.map((entry) => entry.level);
}

const DECIMAL = /^\d+(\.\d+)?$/;

const NON_ZERO_DIGIT = /[1-9]/;

/**
 * A plain decimal string greater than zero: digits with at most one point and one nonzero digit.
 * No Decimal is built (the tick ingest checks two per trade).
 */
export function isPositiveDecimal(value: string): boolean {
  return DECIMAL.test(value) && NON_ZERO_DIGIT.test(value);
}

/** A finite decimal string greater than zero, or null. */
export function positiveDecimal(value: string): Decimal | null {
  return isPositiveDecimal(value) ? new Decimal(value) : null;
}
