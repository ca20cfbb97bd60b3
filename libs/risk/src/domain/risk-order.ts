import { Decimal } from '@nexwave/core';

export type RiskSide = 'bid' | 'ask';

/** What the strategy means: open or add (entry), or close or reduce (exit). */
export type OrderIntent = 'entry' | 'exit';

/** An order as the risk rules see it; all money and sizes are exact decimals. */
export interface RiskOrder {
  readonly strategyId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: RiskSide;
  readonly intent: OrderIntent;
  /** Base units, positive. */
  readonly amount: Decimal;
  /** The price the order is valued at (limit price, or the expected fill of a market order). */
  readonly price: Decimal;
  readonly reduceOnly: boolean;
}

export interface RiskPosition {
  readonly symbol: string;
  /** Signed base units: positive long, negative short. */
  readonly size: Decimal;
  readonly markPrice: Decimal;
}

/** The strategy's portfolio: equity marked to market (cash + realised + unrealised PnL). */
export interface RiskPortfolio {
  readonly equityUsd: Decimal;
  readonly positions: readonly RiskPosition[];
}

const ZERO = new Decimal(0);

/** The order's amount signed like a position: bids add, asks subtract. */
export function signedAmount(order: RiskOrder): Decimal {
  return order.side === 'bid' ? order.amount : order.amount.neg();
}

export function positionSize(portfolio: RiskPortfolio, symbol: string): Decimal {
  return portfolio.positions
    .filter((position) => position.symbol === symbol)
    .reduce((sum, position) => sum.plus(position.size), ZERO);
}

/**
 * How an order is checked. It counts as an exit only when it says so (intent exit or reduce-only)
 * AND it really reduces: it is against an open position and no larger than it (a reduce-only
 * order may be larger: the exchange clips it to the position). Anything else, including an
 * "exit" on a flat book, is checked as an entry, so a mislabelled order cannot skip the rules.
 */
export function checkedAs(order: RiskOrder, portfolio: RiskPortfolio): OrderIntent {
  const size = positionSize(portfolio, order.symbol);
  const declaredExit = order.intent === 'exit' || order.reduceOnly;
  const against = !size.isZero() && size.isNeg() !== signedAmount(order).isNeg();
  const withinPosition = order.reduceOnly || order.amount.lte(size.abs());
  return declaredExit && against && withinPosition ? 'exit' : 'entry';
}
