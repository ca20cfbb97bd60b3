import { Decimal } from '@nexwave/core';

import { DEFAULT_RISK_LIMITS } from './risk-limits';
import { ENTRY_ONLY_RULES, RiskManager, RULE_ORDER } from './risk-manager';
import { order, portfolio, position, T0 } from './testing/risk-fixtures';

const later = (ms: number) => new Date(T0.getTime() + ms);

describe('RiskManager', () => {
  it('approves an entry only when every rule approves, reporting each in a fixed order', () => {
    const decision = RiskManager.create().check(
      order({ amount: '0.1', price: 60_000 }),
      portfolio(100_000),
      T0,
    );

    expect(RULE_ORDER).toEqual(['daily_loss', 'order_size', 'position_limit', 'leverage']);
    expect(decision).toMatchObject({
      strategyId: 's1',
      clientOrderId: '0190f3a4-0000-7000-8000-000000000001',
      symbol: 'BTC',
      side: 'bid',
      amount: '0.1',
      priceUsd: '60000',
      intent: 'entry',
      checkedAs: 'entry',
      approved: true,
      failedRule: null,
      reason: 'approved as entry: daily_loss, order_size, position_limit, leverage passed',
      limits: DEFAULT_RISK_LIMITS,
      decidedAt: T0,
    });
    expect(decision.rules.map((rule) => [rule.rule, rule.approved, rule.actual])).toEqual([
      ['daily_loss', true, '0'],
      ['order_size', true, '6000'],
      ['position_limit', true, '6000'],
      ['leverage', true, '0.06'],
    ]);
  });

  it('runs every rule after a failure and names the first refusing one', () => {
    // $150,000: too large an order and 6x leverage on $25,000 of equity.
    const decision = RiskManager.create().check(
      order({ amount: '1.5', price: 100_000 }),
      portfolio(25_000),
      T0,
    );

    expect(decision).toMatchObject({ approved: false, failedRule: 'order_size' });
    expect(decision.reason).toBe('order notional $150000 is above the maximum $100000');
    expect(decision.rules.map((rule) => [rule.rule, rule.approved])).toEqual([
      ['daily_loss', true],
      ['order_size', false],
      ['position_limit', true],
      ['leverage', false],
    ]);
  });

  it('checks an exit by position_limit and daily_loss only, and lets it through past every limit', () => {
    expect(ENTRY_ONLY_RULES).toEqual(['order_size', 'leverage']);
    const manager = RiskManager.create();
    manager.observeEquity(new Decimal(100_000), T0);
    // Day down 20%, 12x leverage, a $2.4M position: only exits may pass.
    const book = portfolio(80_000, [position('BTC', 24, 40_000)]);

    const exit = manager.check(
      order({ intent: 'exit', side: 'ask', amount: 20, price: 40_000 }),
      book,
      later(1),
    );
    const entry = manager.check(
      order({ side: 'ask', amount: '0.0001', price: 40_000 }),
      book,
      later(2),
    );

    expect(exit).toMatchObject({ approved: true, checkedAs: 'exit', failedRule: null });
    expect(exit.rules.map((rule) => rule.rule)).toEqual(['daily_loss', 'position_limit']);
    expect(entry).toMatchObject({ approved: false, checkedAs: 'entry', failedRule: 'daily_loss' });
    expect(entry.rules.map((rule) => [rule.rule, rule.approved])).toEqual([
      ['daily_loss', false],
      ['order_size', false],
      ['position_limit', true],
      ['leverage', false],
    ]);
  });

  it('stops entries for the rest of the UTC day after the loss limit and resumes at 00:00 UTC', () => {
    const manager = RiskManager.create();
    const small = order({ amount: '0.01', price: 10_000 });
    manager.check(small, portfolio(100_000), new Date('2026-03-10T09:00:00.000Z'));
    manager.check(small, portfolio(95_000), new Date('2026-03-10T10:00:00.000Z'));

    const recovered = manager.check(small, portfolio(99_000), new Date('2026-03-10T23:59:59.999Z'));
    const nextDay = manager.check(small, portfolio(99_000), new Date('2026-03-11T00:00:00.000Z'));

    expect(recovered).toMatchObject({ approved: false, failedRule: 'daily_loss' });
    expect(nextDay).toMatchObject({ approved: true });
    expect(manager.dailyLossSnapshot()).toMatchObject({
      utcDay: '2026-03-11',
      startEquityUsd: '99000',
    });
  });

  it('keeps a stopped day over a restart from the tracker snapshot', () => {
    const before = RiskManager.create();
    before.observeEquity(new Decimal(100_000), T0);
    before.observeEquity(new Decimal(90_000), later(1000));

    const after = RiskManager.restore(before.dailyLossSnapshot());
    const decision = after.check(order(), portfolio(100_000), later(2000));

    expect(decision).toMatchObject({ approved: false, failedRule: 'daily_loss' });
  });

  it('applies configured limits and refuses invalid ones', () => {
    const manager = RiskManager.create({ ...DEFAULT_RISK_LIMITS, maxLeverage: 1 });

    expect(
      manager.check(order({ amount: 1, price: 100_000 }), portfolio(100_000), T0),
    ).toMatchObject({
      failedRule: 'leverage',
    });
    expect(() => RiskManager.create({ ...DEFAULT_RISK_LIMITS, minOrderUsd: 100_000 })).toThrow(
      'minOrderUsd (100000) must be below maxOrderUsd (100000)',
    );
    expect(() => RiskManager.create({ ...DEFAULT_RISK_LIMITS, maxLeverage: 0 })).toThrow(
      'maxLeverage must be a positive number, got 0',
    );
  });
});
