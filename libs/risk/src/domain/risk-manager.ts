import type { Decimal } from '@nexwave/core';

import { DailyLossTracker, type DailyLossSnapshot } from './daily-loss';
import { assertValidLimits, DEFAULT_RISK_LIMITS, type RiskLimits } from './risk-limits';
import { checkedAs, type OrderIntent, type RiskOrder, type RiskPortfolio } from './risk-order';
import { checkDailyLoss, type DailyLossDecision } from './rules/daily-loss-limit';
import { checkLeverage, type LeverageDecision } from './rules/leverage';
import { checkOrderSize, type OrderSizeDecision } from './rules/order-size';
import { checkPositionLimit, type PositionLimitDecision } from './rules/position-limit';
import type { RiskRuleName, RuleInput } from './rules/rule-decision';

export type RuleDecision =
  DailyLossDecision | OrderSizeDecision | PositionLimitDecision | LeverageDecision;

/** The overall verdict on one order, with every rule that was checked: what is stored. */
export interface RiskDecision {
  readonly strategyId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: RiskOrder['side'];
  readonly amount: string;
  readonly priceUsd: string;
  /** What the order declared, and how it was checked (see `checkedAs`). */
  readonly intent: OrderIntent;
  readonly checkedAs: OrderIntent;
  readonly approved: boolean;
  /** The first refusing rule in RULE_ORDER, or null when approved. */
  readonly failedRule: RiskRuleName | null;
  readonly reason: string;
  readonly rules: readonly RuleDecision[];
  readonly limits: RiskLimits;
  readonly decidedAt: Date;
}

/** Every rule, in the order it is checked and reported. */
export const RULE_ORDER: readonly RiskRuleName[] = [
  'daily_loss',
  'order_size',
  'position_limit',
  'leverage',
];

/**
 * Checked for entries only: an exit is never too small or too large to close (it is at most the
 * position) and never refused for leverage (it lowers gross exposure). Exits are still checked by
 * position_limit and daily_loss, which always let a true reduction through, so their numbers are
 * stored with the decision.
 */
export const ENTRY_ONLY_RULES: readonly RiskRuleName[] = ['order_size', 'leverage'];

const RULES: Record<RiskRuleName, (input: RuleInput) => RuleDecision> = {
  daily_loss: checkDailyLoss,
  order_size: checkOrderSize,
  position_limit: checkPositionLimit,
  leverage: checkLeverage,
};

/**
 * Runs every applicable rule on an order (no short-circuit: all numbers are kept) and approves it
 * only when all approve. Holds the daily loss tracker, the only state; `snapshot`/`restore` carry
 * it over a restart so a stopped day stays stopped.
 */
export class RiskManager {
  private constructor(
    readonly limits: RiskLimits,
    private readonly dailyLoss: DailyLossTracker,
  ) {}

  static create(limits: RiskLimits = DEFAULT_RISK_LIMITS): RiskManager {
    return RiskManager.restore(null, limits);
  }

  static restore(
    dailyLoss: DailyLossSnapshot | null,
    limits: RiskLimits = DEFAULT_RISK_LIMITS,
  ): RiskManager {
    assertValidLimits(limits);
    return new RiskManager(limits, DailyLossTracker.restore(dailyLoss, limits.dailyLossLimitPct));
  }

  /** Feeds an equity observation (a fill, a new mark) to the daily loss tracker between checks. */
  observeEquity(equityUsd: Decimal, now: Date): void {
    this.dailyLoss.observe(equityUsd, now);
  }

  dailyLossSnapshot(): DailyLossSnapshot | null {
    return this.dailyLoss.snapshot();
  }

  check(order: RiskOrder, portfolio: RiskPortfolio, now: Date): RiskDecision {
    const input: RuleInput = {
      order,
      portfolio,
      checkedAs: checkedAs(order, portfolio),
      dailyLoss: this.dailyLoss.observe(portfolio.equityUsd, now),
      limits: this.limits,
    };
    const rules = RULE_ORDER.filter(
      (rule) => input.checkedAs === 'entry' || !ENTRY_ONLY_RULES.includes(rule),
    ).map((rule) => RULES[rule](input));
    const failed = rules.find((decision) => !decision.approved) ?? null;
    return {
      strategyId: order.strategyId,
      clientOrderId: order.clientOrderId,
      symbol: order.symbol,
      side: order.side,
      amount: order.amount.toFixed(),
      priceUsd: order.price.toFixed(),
      intent: order.intent,
      checkedAs: input.checkedAs,
      approved: failed === null,
      failedRule: failed?.rule ?? null,
      reason:
        failed?.reason ??
        `approved as ${input.checkedAs}: ${rules.map((d) => d.rule).join(', ')} passed`,
      rules,
      limits: this.limits,
      decidedAt: now,
    };
  }
}
