import type { Decimal } from '@nexwave/core';

import type { DailyLossStatus } from '../daily-loss';
import type { RiskLimits } from '../risk-limits';
import type { OrderIntent, RiskOrder, RiskPortfolio } from '../risk-order';

export type RiskRuleName = 'daily_loss' | 'order_size' | 'position_limit' | 'leverage';

/**
 * One rule's verdict: data to store, not an exception. `limit` and `actual` are decimal strings
 * in the rule's unit (USD, or a ratio for leverage); each rule adds the other numbers it saw.
 */
export interface RuleDecisionBase<Rule extends RiskRuleName> {
  readonly rule: Rule;
  readonly approved: boolean;
  readonly limit: string;
  readonly actual: string;
  readonly reason: string;
}

/** Everything a rule may look at. */
export interface RuleInput {
  readonly order: RiskOrder;
  readonly portfolio: RiskPortfolio;
  readonly checkedAs: OrderIntent;
  readonly dailyLoss: DailyLossStatus;
  readonly limits: RiskLimits;
}

/** Prints an exact decimal for storage: plain notation, no exponent. */
export function money(value: Decimal): string {
  return value.toFixed();
}
