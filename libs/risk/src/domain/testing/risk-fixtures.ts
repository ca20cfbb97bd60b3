import { Decimal } from '@nexwave/core';

import type { DailyLossStatus } from '../daily-loss';
import { DEFAULT_RISK_LIMITS } from '../risk-limits';
import { checkedAs, type RiskOrder, type RiskPortfolio, type RiskPosition } from '../risk-order';
import type { RuleInput } from '../rules/rule-decision';

export const T0 = new Date('2026-03-10T12:00:00.000Z');

/** A BTC entry bid of 1 at $100 for strategy s1; override any field. */
export function order(
  overrides: Partial<Omit<RiskOrder, 'amount' | 'price'>> & {
    amount?: Decimal.Value;
    price?: Decimal.Value;
  } = {},
): RiskOrder {
  const { amount = 1, price = 100, ...rest } = overrides;
  return {
    strategyId: 's1',
    clientOrderId: '0190f3a4-0000-7000-8000-000000000001',
    symbol: 'BTC',
    side: 'bid',
    intent: 'entry',
    reduceOnly: false,
    ...rest,
    amount: new Decimal(amount),
    price: new Decimal(price),
  };
}

export function position(
  symbol: string,
  size: Decimal.Value,
  markPrice: Decimal.Value,
): RiskPosition {
  return { symbol, size: new Decimal(size), markPrice: new Decimal(markPrice) };
}

export function portfolio(equityUsd: Decimal.Value, positions: RiskPosition[] = []): RiskPortfolio {
  return { equityUsd: new Decimal(equityUsd), positions };
}

/** A day that started at `equity` with no loss yet and is not stopped. */
export function calmDay(equityUsd: Decimal.Value = 100_000): DailyLossStatus {
  const equity = new Decimal(equityUsd);
  return {
    utcDay: '2026-03-10',
    startEquityUsd: equity,
    equityUsd: equity,
    dailyPnlUsd: new Decimal(0),
    limitUsd: equity.mul(-0.05),
    stoppedAt: null,
  };
}

/** The input a rule sees, with the default limits and the order's own classification. */
export function ruleInput(
  riskOrder: RiskOrder,
  riskPortfolio: RiskPortfolio = portfolio(100_000),
  overrides: Partial<RuleInput> = {},
): RuleInput {
  return {
    order: riskOrder,
    portfolio: riskPortfolio,
    checkedAs: checkedAs(riskOrder, riskPortfolio),
    dailyLoss: calmDay(riskPortfolio.equityUsd),
    limits: DEFAULT_RISK_LIMITS,
    ...overrides,
  };
}
