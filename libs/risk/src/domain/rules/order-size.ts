import { Decimal } from '@nexwave/core';

import { money, type RuleDecisionBase, type RuleInput } from './rule-decision';

export interface OrderSizeDecision extends RuleDecisionBase<'order_size'> {
  readonly minOrderUsd: string;
  readonly maxOrderUsd: string;
  readonly amount: string;
  readonly priceUsd: string;
}

/** The order's notional (amount × price) must lie within [min, max], both inclusive. */
export function checkOrderSize({ order, limits }: RuleInput): OrderSizeDecision {
  const notional = order.amount.mul(order.price);
  const min = new Decimal(limits.minOrderUsd);
  const max = new Decimal(limits.maxOrderUsd);
  const tooSmall = notional.lt(min);
  const tooLarge = notional.gt(max);
  const approved = !tooSmall && !tooLarge;
  const reason = tooSmall
    ? `order notional $${money(notional)} is below the minimum $${money(min)}`
    : tooLarge
      ? `order notional $${money(notional)} is above the maximum $${money(max)}`
      : `order notional $${money(notional)} is within $${money(min)}..$${money(max)}`;
  return {
    rule: 'order_size',
    approved,
    limit: money(tooSmall ? min : max),
    actual: money(notional),
    reason,
    minOrderUsd: money(min),
    maxOrderUsd: money(max),
    amount: money(order.amount),
    priceUsd: money(order.price),
  };
}
