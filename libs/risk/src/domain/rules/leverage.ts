import { Decimal } from '@nexwave/core';

import { positionSize, signedAmount } from '../risk-order';
import { money, type RuleDecisionBase, type RuleInput } from './rule-decision';

export interface LeverageDecision extends RuleDecisionBase<'leverage'> {
  readonly grossNotionalUsd: string;
  readonly equityUsd: string;
}

/**
 * Gross exposure after the order (Σ |size| × price over every symbol: the order's symbol at the
 * order's price, the others at their mark) divided by equity must stay strictly BELOW the limit:
 * exactly 5x is refused. With no positive equity any exposure is refused (leverage "Infinity").
 */
export function checkLeverage({ order, portfolio, limits }: RuleInput): LeverageDecision {
  const others = portfolio.positions
    .filter((position) => position.symbol !== order.symbol)
    .reduce(
      (sum, position) => sum.plus(position.size.abs().mul(position.markPrice)),
      new Decimal(0),
    );
  const resulting = positionSize(portfolio, order.symbol).plus(signedAmount(order));
  const gross = others.plus(resulting.abs().mul(order.price));
  const equity = portfolio.equityUsd;
  const limit = new Decimal(limits.maxLeverage);
  const leverage = equity.gt(0) ? gross.div(equity) : new Decimal(gross.isZero() ? 0 : Infinity);
  const approved = leverage.lt(limit);
  const reason = approved
    ? `leverage after the order ${money(leverage)}x is below ${money(limit)}x`
    : equity.gt(0)
      ? `leverage after the order ${money(leverage)}x is not below ${money(limit)}x`
      : `no positive equity ($${money(equity)}) to carry $${money(gross)} of exposure`;
  return {
    rule: 'leverage',
    approved,
    limit: money(limit),
    actual: money(leverage),
    reason,
    grossNotionalUsd: money(gross),
    equityUsd: money(equity),
  };
}
