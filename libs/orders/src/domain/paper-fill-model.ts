/*
 * The paper fill model: how an order would have executed against a book snapshot. Pure (no time,
 * no I/O) so the paper exchange and the backtester share it.
 *
 * - An incoming order takes liquidity from the touch outward, one fill per level at that level's
 *   price (slippage), taker fee. A market order stops at its slippage bound (best opposite price ±
 *   slippagePercent, rounded to the tick) and its remainder is canceled; a limit order takes only
 *   the levels that cross its price, then the rest rests (GTC) or is canceled (IOC). Post-only
 *   (ALO/TOB) orders that would cross are rejected, otherwise they rest whole.
 * - A resting limit order fills when a later book crosses its price: at its own price, maker fee,
 *   up to the crossing volume (no queue position is modelled: all crossing volume is ours).
 * - Amounts are rounded down to the lot size; a thin book gives a partial fill.
 * - Reduce-only orders are clamped to the position so they never increase or flip it; one with
 *   nothing to reduce is rejected (incoming) or canceled (resting).
 * - Fee = price × amount × rate, in USD, exact.
 */
import { Decimal, roundToStep } from '@nexwave/core';

import type { OrderLiquidity, OrderSide, OrderType, TimeInForce } from './order';

export interface BookLevel {
  readonly price: string;
  readonly amount: string;
}

/** Both sides best first: bids highest first, asks lowest first. */
export interface BookSnapshot {
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

export interface MarketRules {
  readonly lotSize: string;
  readonly tickSize: string;
}

/** Fractions of notional: "0.0004" = 0.04 %. */
export interface FeeRates {
  readonly takerRate: string;
  readonly makerRate: string;
}

/** Pacifica's base tier, the rates the simulator charges by default. */
export const PACIFICA_FEE_RATES: FeeRates = { takerRate: '0.0004', makerRate: '0.00015' };

export interface PaperOrder {
  readonly side: OrderSide;
  readonly orderType: OrderType;
  readonly amount: string;
  /** Limit price; null for market orders. */
  readonly price: string | null;
  readonly tif: TimeInForce | null;
  /** Market orders: percent, "0.5" = 0.5 %. */
  readonly slippagePercent: string | null;
  readonly reduceOnly: boolean;
}

export interface PaperFillContext {
  readonly market: MarketRules;
  /** The account's signed position in this market (negative = short). */
  readonly positionSize: string;
  readonly fees?: FeeRates;
}

export interface PaperFill {
  readonly price: string;
  readonly amount: string;
  readonly feeUsd: string;
  readonly liquidity: OrderLiquidity;
}

export type PaperExecution =
  | { readonly kind: 'rejected'; readonly reason: string }
  | {
      readonly kind: 'executed';
      readonly fills: readonly PaperFill[];
      readonly filledAmount: string;
      /** Left on the book as a resting limit order. */
      readonly restingAmount: string;
      /** Neither filled nor resting (market remainder, IOC remainder, reduce-only clamp). */
      readonly canceledAmount: string;
      readonly cancelReason: string | null;
    };

export interface RestingOrder {
  readonly side: OrderSide;
  readonly price: string;
  readonly remainingAmount: string;
  readonly reduceOnly: boolean;
}

export interface RestingExecution {
  readonly fills: readonly PaperFill[];
  readonly remainingAmount: string;
  /** Set when the rest of the order can no longer rest (a reduce-only order with nothing left to reduce). */
  readonly cancelReason: string | null;
}

const ZERO = new Decimal(0);

/** Executes an incoming order against `book` (see the model above). */
export function fillOnBook(
  order: PaperOrder,
  book: BookSnapshot,
  context: PaperFillContext,
): PaperExecution {
  const { lotSize, tickSize } = context.market;
  const requested = new Decimal(order.amount);
  let amount = new Decimal(roundToStep(requested, lotSize, 'down'));
  if (amount.isZero()) {
    return rejected(`amount ${order.amount} is below the lot size ${lotSize}`);
  }
  let clampReason: string | null = null;
  if (order.reduceOnly) {
    const capacity = reducible(order.side, context.positionSize, lotSize);
    if (capacity.isZero()) {
      return rejected('reduce-only order without a position to reduce');
    }
    if (capacity.lt(amount)) {
      amount = capacity;
      clampReason = `reduce-only: clamped to the position of ${capacity.toFixed()}`;
    }
  }
  const levels = order.side === 'bid' ? book.asks : book.bids;
  const bound = priceBound(order, levels, tickSize);
  const postOnly = order.tif === 'ALO' || order.tif === 'TOB';
  if (
    postOnly &&
    bound !== null &&
    levels.length > 0 &&
    crosses(order.side, levels[0].price, bound)
  ) {
    return rejected(`post-only order at ${order.price} would take liquidity at ${levels[0].price}`);
  }
  const rate = new Decimal((context.fees ?? PACIFICA_FEE_RATES).takerRate);
  const fills: PaperFill[] = [];
  let remaining = amount;
  for (const level of postOnly ? [] : levels) {
    if (remaining.isZero() || bound === null || !crosses(order.side, level.price, bound)) {
      break;
    }
    const take = Decimal.min(remaining, roundToStep(level.amount, lotSize, 'down'));
    if (take.gt(ZERO)) {
      fills.push(fillAt(level.price, take, rate, 'taker'));
      remaining = remaining.minus(take);
    }
  }
  const rests = order.orderType === 'limit' && order.tif !== 'IOC';
  const resting = rests ? remaining : ZERO;
  const canceled = requested.minus(amount).plus(rests ? ZERO : remaining);
  return {
    kind: 'executed',
    fills,
    filledAmount: amount.minus(remaining).toFixed(),
    restingAmount: resting.toFixed(),
    canceledAmount: canceled.toFixed(),
    cancelReason: canceled.isZero() ? null : (clampReason ?? unfilledReason(order, levels)),
  };
}

/** Fills a resting limit order from a later book that crosses its price (maker, at its price). */
export function fillRestingOrder(
  order: RestingOrder,
  book: BookSnapshot,
  context: PaperFillContext,
): RestingExecution {
  const { lotSize } = context.market;
  let remaining = new Decimal(order.remainingAmount);
  let available = remaining;
  if (order.reduceOnly) {
    available = Decimal.min(remaining, reducible(order.side, context.positionSize, lotSize));
    if (available.isZero()) {
      return {
        fills: [],
        remainingAmount: remaining.toFixed(),
        cancelReason: 'reduce-only order: the position is gone',
      };
    }
  }
  const levels = order.side === 'bid' ? book.asks : book.bids;
  const crossing = levels
    .filter((level) => crosses(order.side, level.price, new Decimal(order.price)))
    .reduce((sum, level) => sum.plus(level.amount), ZERO);
  const take = Decimal.min(available, roundToStep(crossing, lotSize, 'down'));
  if (take.isZero()) {
    return { fills: [], remainingAmount: remaining.toFixed(), cancelReason: null };
  }
  remaining = remaining.minus(take);
  const rate = new Decimal((context.fees ?? PACIFICA_FEE_RATES).makerRate);
  return {
    fills: [fillAt(order.price, take, rate, 'maker')],
    remainingAmount: remaining.toFixed(),
    cancelReason: null,
  };
}

/** How much an order on `side` can reduce the position without flipping it, in whole lots. */
function reducible(side: OrderSide, positionSize: string, lotSize: string): Decimal {
  const position = new Decimal(positionSize);
  const opposite = side === 'bid' ? position.neg() : position;
  return opposite.gt(ZERO) ? new Decimal(roundToStep(opposite, lotSize, 'down')) : ZERO;
}

/** The worst price the order accepts: its limit, or the touch moved by the slippage bound. */
function priceBound(
  order: PaperOrder,
  levels: readonly BookLevel[],
  tickSize: string,
): Decimal | null {
  if (order.orderType === 'limit') {
    return new Decimal(order.price ?? 0);
  }
  if (levels.length === 0) {
    return null;
  }
  const slip = new Decimal(order.slippagePercent ?? 0).div(100);
  const touch = new Decimal(levels[0].price);
  return order.side === 'bid'
    ? new Decimal(roundToStep(touch.mul(slip.plus(1)), tickSize, 'down'))
    : new Decimal(roundToStep(touch.mul(new Decimal(1).minus(slip)), tickSize, 'up'));
}

function crosses(side: OrderSide, levelPrice: string, bound: Decimal): boolean {
  return side === 'bid' ? bound.gte(levelPrice) : bound.lte(levelPrice);
}

function unfilledReason(order: PaperOrder, levels: readonly BookLevel[]): string {
  if (levels.length === 0) {
    return 'no liquidity on the book';
  }
  return order.orderType === 'market'
    ? 'slippage bound reached or book exhausted'
    : 'IOC remainder';
}

function fillAt(
  price: string,
  amount: Decimal,
  rate: Decimal,
  liquidity: OrderLiquidity,
): PaperFill {
  return {
    price: new Decimal(price).toFixed(),
    amount: amount.toFixed(),
    feeUsd: amount.mul(price).mul(rate).toFixed(),
    liquidity,
  };
}

function rejected(reason: string): PaperExecution {
  return { kind: 'rejected', reason };
}
