import { Decimal } from '@nexwave/core';

import type { ClosedTrade, OpenPositionMark } from '../performance';
import type { StrategyContext, StrategyPosition } from '../strategy';

/** What the book reads of an order's state (orders.events.v1 carries it whole on every event). */
export interface OrderProgress {
  readonly clientOrderId: string;
  readonly sequence: number;
  readonly symbol: string;
  readonly side: 'bid' | 'ask';
  /** Cumulative base units filled. */
  readonly filledAmount: string;
  readonly averageFillPrice: string | null;
  /** Cumulative fee in USD. */
  readonly feeUsd: string;
  /** When the order reached this state (the event's time): the time of its newest fill. */
  readonly at: Date;
}

/**
 * A closed round trip: flat -> position -> flat, or the position a flip closed. PnL is realised
 * over the trip minus the fees of its fills (a flipping fill's fee split by quantity).
 */
export interface RoundTrip extends ClosedTrade {
  readonly side: 'long' | 'short';
  /** Base units closed over the trip (all it opened). */
  readonly quantity: string;
  /** The position's average entry when it closed. */
  readonly entryPrice: string;
  /** The average price of its exits. */
  readonly exitPrice: string;
  readonly feesUsd: string;
  /** The order event that closed it (client order id and sequence): its natural key. */
  readonly closingOrderId: string;
  readonly closingSequence: number;
}

/** What one applied order state did: whether it filled anything, and the trip it closed. */
export interface OrderApplied {
  readonly filled: boolean;
  readonly closedTrip: RoundTrip | null;
}

interface OrderSeen {
  readonly sequence: number;
  readonly filled: Decimal;
  readonly filledNotional: Decimal;
  readonly fee: Decimal;
}

/** The open round trip of a holding, accumulated until it closes. */
interface Trip {
  readonly openedAt: Date;
  readonly realisedUsd: Decimal;
  readonly feesUsd: Decimal;
  readonly exitQuantity: Decimal;
  readonly exitNotional: Decimal;
}

interface Holding {
  readonly size: Decimal;
  readonly entryPrice: Decimal;
  readonly trip: Trip;
}

const ZERO = new Decimal(0);

/**
 * The strategy's own positions and equity, moved by its orders' fills. Each order is read as
 * cumulative state, so the fill of an event is the difference from the last one seen; stale or
 * replayed events (sequence not above the last) change nothing. Equity = starting value +
 * realised PnL - fees + unrealised PnL at the last marks (candle closes).
 */
export class StrategyBook {
  private readonly holdings = new Map<string, Holding>();
  private readonly orders = new Map<string, OrderSeen>();
  private readonly marks = new Map<string, Decimal>();
  private realisedUsd = ZERO;
  private feesUsd = ZERO;

  constructor(readonly startingEquityUsd: Decimal) {}

  /** An independent copy: to see what an order state would do before committing to it. */
  clone(): StrategyBook {
    const copy = new StrategyBook(this.startingEquityUsd);
    this.holdings.forEach((holding, symbol) => copy.holdings.set(symbol, holding));
    this.orders.forEach((seen, clientOrderId) => copy.orders.set(clientOrderId, seen));
    this.marks.forEach((price, symbol) => copy.marks.set(symbol, price));
    copy.realisedUsd = this.realisedUsd;
    copy.feesUsd = this.feesUsd;
    return copy;
  }

  /** Applies one order state; null when it was stale or a replay. */
  applyOrder(progress: OrderProgress): OrderApplied | null {
    const seen = this.orders.get(progress.clientOrderId);
    if (seen && progress.sequence <= seen.sequence) {
      return null;
    }
    const filled = new Decimal(progress.filledAmount);
    const filledNotional = filled.mul(progress.averageFillPrice ?? 0);
    const fee = new Decimal(progress.feeUsd);
    const delta = filled.minus(seen?.filled ?? ZERO);
    const feeDelta = fee.minus(seen?.fee ?? ZERO);
    let closedTrip: RoundTrip | null = null;
    if (delta.gt(0)) {
      const price = filledNotional.minus(seen?.filledNotional ?? ZERO).div(delta);
      closedTrip = this.fill(
        progress,
        progress.side === 'bid' ? delta : delta.neg(),
        price,
        feeDelta,
      );
    } else {
      this.chargeOpenTrip(progress.symbol, feeDelta);
    }
    this.feesUsd = this.feesUsd.plus(feeDelta);
    this.orders.set(progress.clientOrderId, {
      sequence: progress.sequence,
      filled,
      filledNotional,
      fee,
    });
    return { filled: delta.gt(0), closedTrip };
  }

  mark(symbol: string, price: string): void {
    this.marks.set(symbol, new Decimal(price));
  }

  positions(): StrategyPosition[] {
    return [...this.holdings].map(([symbol, holding]) => ({
      symbol,
      size: holding.size.toFixed(),
      entryPrice: holding.entryPrice.toFixed(),
    }));
  }

  /** Open positions with the prices they are marked at. */
  openMarks(): OpenPositionMark[] {
    return this.positions().map((position) => ({
      ...position,
      markPrice: this.markPrice(position.symbol).toFixed(),
    }));
  }

  markPrice(symbol: string): Decimal {
    return this.marks.get(symbol) ?? this.holdings.get(symbol)?.entryPrice ?? ZERO;
  }

  realisedPnlUsd(): Decimal {
    return this.realisedUsd;
  }

  cashUsd(): Decimal {
    return this.startingEquityUsd.plus(this.realisedUsd).minus(this.feesUsd);
  }

  equityUsd(): Decimal {
    return [...this.holdings].reduce(
      (equity, [symbol, holding]) =>
        equity.plus(this.markPrice(symbol).minus(holding.entryPrice).mul(holding.size)),
      this.cashUsd(),
    );
  }

  context(): StrategyContext {
    return {
      positions: this.positions(),
      portfolio: { equityUsd: this.equityUsd().toFixed(), cashUsd: this.cashUsd().toFixed() },
    };
  }

  /**
   * Nets a signed fill into the position: adding averages the entry, reducing realises PnL; the
   * trip it empties (or flips) is returned closed.
   */
  private fill(
    progress: OrderProgress,
    quantity: Decimal,
    price: Decimal,
    fee: Decimal,
  ): RoundTrip | null {
    const { symbol } = progress;
    const held = this.holdings.get(symbol);
    if (!held || held.size.isNeg() === quantity.isNeg()) {
      const size = (held?.size ?? ZERO).plus(quantity);
      const cost = (held ? held.size.mul(held.entryPrice) : ZERO).plus(quantity.mul(price));
      const trip = held?.trip ?? openTrip(progress.at, ZERO);
      this.holdings.set(symbol, {
        size,
        entryPrice: cost.div(size),
        trip: { ...trip, feesUsd: trip.feesUsd.plus(fee) },
      });
      return null;
    }
    const closed = Decimal.min(quantity.abs(), held.size.abs());
    const closingFee = fee.mul(closed).div(quantity.abs());
    const realised = price
      .minus(held.entryPrice)
      .mul(closed)
      .mul(held.size.isNeg() ? -1 : 1);
    this.realisedUsd = this.realisedUsd.plus(realised);
    const trip: Trip = {
      openedAt: held.trip.openedAt,
      realisedUsd: held.trip.realisedUsd.plus(realised),
      feesUsd: held.trip.feesUsd.plus(closingFee),
      exitQuantity: held.trip.exitQuantity.plus(closed),
      exitNotional: held.trip.exitNotional.plus(closed.mul(price)),
    };
    const size = held.size.plus(quantity);
    if (!size.isZero() && size.isNeg() === held.size.isNeg()) {
      this.holdings.set(symbol, { size, entryPrice: held.entryPrice, trip });
      return null;
    }
    if (size.isZero()) {
      this.holdings.delete(symbol);
    } else {
      this.holdings.set(symbol, {
        size,
        entryPrice: price,
        trip: openTrip(progress.at, fee.minus(closingFee)),
      });
    }
    return closeTrip(progress, held, trip);
  }

  /** A fee reported without a fill (an adjustment) goes to the symbol's open trip, if any. */
  private chargeOpenTrip(symbol: string, fee: Decimal): void {
    const held = this.holdings.get(symbol);
    if (held && !fee.isZero()) {
      this.holdings.set(symbol, {
        ...held,
        trip: { ...held.trip, feesUsd: held.trip.feesUsd.plus(fee) },
      });
    }
  }
}

function openTrip(at: Date, feesUsd: Decimal): Trip {
  return { openedAt: at, realisedUsd: ZERO, feesUsd, exitQuantity: ZERO, exitNotional: ZERO };
}

function closeTrip(progress: OrderProgress, held: Holding, trip: Trip): RoundTrip {
  return {
    symbol: progress.symbol,
    side: held.size.isNeg() ? 'short' : 'long',
    quantity: trip.exitQuantity.toFixed(),
    entryPrice: held.entryPrice.toFixed(),
    exitPrice: trip.exitNotional.div(trip.exitQuantity).toFixed(),
    feesUsd: trip.feesUsd.toFixed(),
    pnlUsd: trip.realisedUsd.minus(trip.feesUsd).toFixed(),
    openedAt: trip.openedAt,
    closedAt: progress.at,
    closingOrderId: progress.clientOrderId,
    closingSequence: progress.sequence,
  };
}
