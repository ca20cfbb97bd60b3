import { Decimal } from '@nexwave/core';

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
}

interface OrderSeen {
  readonly sequence: number;
  readonly filled: Decimal;
  readonly filledNotional: Decimal;
  readonly fee: Decimal;
}

interface Holding {
  readonly size: Decimal;
  readonly entryPrice: Decimal;
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

  constructor(private readonly startingEquityUsd: Decimal) {}

  /** Applies one order state; false when it was stale or a replay. */
  applyOrder(progress: OrderProgress): boolean {
    const seen = this.orders.get(progress.clientOrderId);
    if (seen && progress.sequence <= seen.sequence) {
      return false;
    }
    const filled = new Decimal(progress.filledAmount);
    const filledNotional = filled.mul(progress.averageFillPrice ?? 0);
    const fee = new Decimal(progress.feeUsd);
    const delta = filled.minus(seen?.filled ?? ZERO);
    if (delta.gt(0)) {
      const price = filledNotional.minus(seen?.filledNotional ?? ZERO).div(delta);
      this.fill(progress.symbol, progress.side === 'bid' ? delta : delta.neg(), price);
    }
    this.feesUsd = this.feesUsd.plus(fee.minus(seen?.fee ?? ZERO));
    this.orders.set(progress.clientOrderId, {
      sequence: progress.sequence,
      filled,
      filledNotional,
      fee,
    });
    return true;
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

  /** Nets a signed fill into the position: adding averages the entry, reducing realises PnL. */
  private fill(symbol: string, quantity: Decimal, price: Decimal): void {
    const held = this.holdings.get(symbol) ?? { size: ZERO, entryPrice: ZERO };
    const size = held.size.plus(quantity);
    if (held.size.isZero() || held.size.isNeg() === quantity.isNeg()) {
      const cost = held.size.mul(held.entryPrice).plus(quantity.mul(price));
      this.holdings.set(symbol, { size, entryPrice: cost.div(size) });
      return;
    }
    const closed = Decimal.min(quantity.abs(), held.size.abs());
    const direction = held.size.isNeg() ? -1 : 1;
    this.realisedUsd = this.realisedUsd.plus(
      price.minus(held.entryPrice).mul(closed).mul(direction),
    );
    if (size.isZero()) {
      this.holdings.delete(symbol);
    } else if (size.isNeg() === held.size.isNeg()) {
      this.holdings.set(symbol, { size, entryPrice: held.entryPrice });
    } else {
      this.holdings.set(symbol, { size, entryPrice: price });
    }
  }
}
