import { Decimal } from '@nexwave/core';

import { money, type RuleDecisionBase, type RuleInput } from './rule-decision';

export interface DailyLossDecision extends RuleDecisionBase<'daily_loss'> {
  readonly utcDay: string;
  readonly startEquityUsd: string;
  readonly equityUsd: string;
  readonly limitPct: string;
  readonly stoppedAt: string | null;
}

/**
 * No entries once the UTC day is stopped (its PnL reached -limit % of its starting equity; see
 * DailyLossTracker), until the next UTC day. Exits, reduce-only orders included, always pass.
 * `limit` is the stopping PnL in USD, `actual` the day's PnL.
 */
export function checkDailyLoss({ checkedAs, dailyLoss, limits }: RuleInput): DailyLossDecision {
  const stopped = dailyLoss.stoppedAt !== null;
  const approved = checkedAs === 'exit' || !stopped;
  const today = `${dailyLoss.utcDay} PnL $${money(dailyLoss.dailyPnlUsd)}`;
  const reason =
    checkedAs === 'exit'
      ? `exits are always allowed (${today})`
      : stopped
        ? `daily loss limit $${money(dailyLoss.limitUsd)} reached at ${dailyLoss.stoppedAt.toISOString()}: no entries until the next UTC day (${today})`
        : `${today} is above the daily loss limit $${money(dailyLoss.limitUsd)}`;
  return {
    rule: 'daily_loss',
    approved,
    limit: money(dailyLoss.limitUsd),
    actual: money(dailyLoss.dailyPnlUsd),
    reason,
    utcDay: dailyLoss.utcDay,
    startEquityUsd: money(dailyLoss.startEquityUsd),
    equityUsd: money(dailyLoss.equityUsd),
    limitPct: money(new Decimal(limits.dailyLossLimitPct)),
    stoppedAt: dailyLoss.stoppedAt?.toISOString() ?? null,
  };
}
