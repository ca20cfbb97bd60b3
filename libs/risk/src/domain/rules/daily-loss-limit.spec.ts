import { Decimal } from '@nexwave/core';

import { DailyLossTracker } from '../daily-loss';
import { order, portfolio, position, ruleInput, T0 } from '../testing/risk-fixtures';
import { checkDailyLoss } from './daily-loss-limit';

/** The status after a day that started at $100,000 and now stands at `equity`. */
function dayAt(equity: Decimal.Value) {
  const tracker = DailyLossTracker.create(5);
  tracker.observe(new Decimal(100_000), T0);
  return tracker.observe(new Decimal(equity), new Date(T0.getTime() + 60_000));
}

describe('daily loss rule (-5% of the UTC day starting equity stops entries for the day)', () => {
  it.each([
    ['just above the limit (loss $4,999.99)', '95000.01', true],
    ['at the limit (loss $5,000)', '95000', false],
    ['just beyond the limit (loss $5,000.01)', '94999.99', false],
  ])('entry %s', (_case, equity, approved) => {
    const input = ruleInput(order(), portfolio(equity), { dailyLoss: dayAt(equity) });
    const decision = checkDailyLoss(input);

    expect(decision).toMatchObject({
      rule: 'daily_loss',
      approved,
      limit: '-5000',
      actual: new Decimal(equity).minus(100_000).toFixed(),
      startEquityUsd: '100000',
      equityUsd: equity,
      limitPct: '5',
    });
  });

  it('says when the day stopped and until when', () => {
    const decision = checkDailyLoss(
      ruleInput(order(), portfolio(94_000), { dailyLoss: dayAt(94_000) }),
    );

    expect(decision.stoppedAt).toBe('2026-03-10T12:01:00.000Z');
    expect(decision.reason).toBe(
      'daily loss limit $-5000 reached at 2026-03-10T12:01:00.000Z: no entries until the next UTC day (2026-03-10 PnL $-6000)',
    );
  });

  it.each([
    ['an exit', { intent: 'exit' as const, reduceOnly: false }],
    ['a reduce-only order', { intent: 'entry' as const, reduceOnly: true }],
  ])('lets %s through on a stopped day', (_case, flags) => {
    const book = portfolio(90_000, [position('BTC', 2, 100)]);
    const input = ruleInput(order({ side: 'ask', amount: 1, ...flags }), book, {
      dailyLoss: dayAt(90_000),
    });
    const decision = checkDailyLoss(input);

    expect(input.checkedAs).toBe('exit');
    expect(decision).toMatchObject({ approved: true, actual: '-10000' });
    expect(decision.reason).toBe('exits are always allowed (2026-03-10 PnL $-10000)');
  });
});

describe('daily loss reasons (mutation testing)', () => {
  it('explains an entry on a day above the limit', () => {
    const decision = checkDailyLoss(
      ruleInput(order(), portfolio(99_000), { dailyLoss: dayAt(99_000) }),
    );

    expect(decision.reason).toBe('2026-03-10 PnL $-1000 is above the daily loss limit $-5000');
  });
});
