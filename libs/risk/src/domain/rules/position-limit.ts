import { Decimal } from '@nexwave/core';

import { positionSize, signedAmount } from '../risk-order';
import { money, type RuleDecisionBase, type RuleInput } from './rule-decision';

export interface PositionLimitDecision extends RuleDecisionBase<'position_limit'> {
  readonly priceUsd: string;
  /** Signed base units before and after the order. */
  readonly currentSize: string;
  readonly resultingSize: string;
  readonly reducesPosition: boolean;
}

/**
 * The symbol's net position after the order, valued at the order's price, must be at most the
 * limit. An order that only shrinks the position (same side or flat after it) always passes, so
 * a position grown over the limit by price moves can still be closed.
 */
export function checkPositionLimit({ order, portfolio, limits }: RuleInput): PositionLimitDecision {
  const current = positionSize(portfolio, order.symbol);
  const resulting = current.plus(signedAmount(order));
  const notional = resulting.abs().mul(order.price);
  const limit = new Decimal(limits.maxPositionUsd);
  const reduces =
    resulting.abs().lt(current.abs()) &&
    (resulting.isZero() || resulting.isNeg() === current.isNeg());
  const approved = reduces || notional.lte(limit);
  const reason = reduces
    ? `reduces the ${order.symbol} position: always allowed`
    : approved
      ? `${order.symbol} position after the order $${money(notional)} is within $${money(limit)}`
      : `${order.symbol} position after the order $${money(notional)} is above the limit $${money(limit)}`;
  return {
    rule: 'position_limit',
    approved,
    limit: money(limit),
    actual: money(notional),
    reason,
    priceUsd: money(order.price),
    currentSize: money(current),
    resultingSize: money(resulting),
    reducesPosition: reduces,
  };
}
