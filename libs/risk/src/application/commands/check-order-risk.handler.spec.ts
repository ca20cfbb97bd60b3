import { InMemoryRiskDecisionRepository, RiskHarness } from '@nexwave/risk/testing';

import type { RiskDecision } from '../../domain/risk-manager';
import type { RiskRuleName } from '../../domain/rules/rule-decision';
import { order, portfolio, position } from '../../domain/testing/risk-fixtures';
import { OrderApprovedEvent } from '../events/order-approved.event';
import { OrderRejectedByRiskEvent } from '../events/order-rejected-by-risk.event';
import { CheckOrderRiskCommand } from './check-order-risk.command';

const id = (n: number) => `0190f3a4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const at = (iso: string) => new Date(iso);

describe('CheckOrderRiskHandler', () => {
  let harness: RiskHarness;

  beforeEach(async () => {
    harness = await RiskHarness.create({ start: at('2026-03-10T09:00:00.000Z') });
  });

  afterEach(() => harness.close());

  const check = (...args: ConstructorParameters<typeof CheckOrderRiskCommand>) =>
    harness.commands.execute(new CheckOrderRiskCommand(...args));

  it('approves an order within every limit: stores the decision and publishes OrderApproved', async () => {
    const decision = await check(order({ amount: '0.1', price: 60_000 }), portfolio(100_000));

    expect(decision).toMatchObject({
      approved: true,
      failedRule: null,
      decidedAt: at('2026-03-10T09:00:00.000Z'),
    });
    expect(
      decision.rules.map((rule) => [rule.rule, rule.approved, rule.limit, rule.actual]),
    ).toEqual([
      ['daily_loss', true, '-5000', '0'],
      ['order_size', true, '100000', '6000'],
      ['position_limit', true, '1000000', '6000'],
      ['leverage', true, '5', '0.06'],
    ]);
    expect(harness.decisions.decisions).toEqual([decision]);
    expect(harness.publishedOf(OrderApprovedEvent).map((event) => event.decision)).toEqual([
      decision,
    ]);
    expect(harness.publishedOf(OrderRejectedByRiskEvent)).toEqual([]);
  });

  it.each<[RiskRuleName, ConstructorParameters<typeof CheckOrderRiskCommand>, string, string]>([
    ['order_size', [order({ amount: '0.0001', price: 60_000 }), portfolio(100_000)], '10', '6'],
    [
      'position_limit',
      // $960,000 of BTC plus $60,000 more on $1M of equity (1.02x).
      [order({ amount: 1, price: 60_000 }), portfolio(1_000_000, [position('BTC', 16, 60_000)])],
      '1000000',
      '1020000',
    ],
    [
      'leverage',
      // $490,000 of ETH plus $12,000 of BTC on $100,000 of equity.
      [order({ amount: '0.2', price: 60_000 }), portfolio(100_000, [position('ETH', 140, 3500)])],
      '5',
      '5.02',
    ],
  ])(
    'rejects an order over the %s limit: stored with the numbers, OrderRejectedByRisk published',
    async (rule, args, limit, actual) => {
      const decision = await check(...args);

      expect(decision).toMatchObject({ approved: false, failedRule: rule });
      expect(decision.rules.find((r) => r.rule === rule)).toMatchObject({
        approved: false,
        limit,
        actual,
      });
      expect(harness.decisions.decisions).toEqual([decision]);
      expect(harness.publishedOf(OrderRejectedByRiskEvent).map((event) => event.decision)).toEqual([
        decision,
      ]);
      expect(harness.publishedOf(OrderApprovedEvent)).toEqual([]);
      const { values } = await harness.metrics.rejections.get();
      expect(values.map((sample) => [sample.labels['rule'], sample.value])).toEqual([[rule, 1]]);
    },
  );

  it('rejects entries once the day lost 5 % of its starting equity, and stores the stopped day', async () => {
    await check(order({ clientOrderId: id(1) }), portfolio(100_000));
    harness.clock.set(at('2026-03-10T10:00:00.000Z'));

    const decision = await check(order({ clientOrderId: id(2) }), portfolio(95_000));

    expect(decision).toMatchObject({ approved: false, failedRule: 'daily_loss' });
    expect(decision.rules[0]).toMatchObject({ limit: '-5000', actual: '-5000' });
    expect(await harness.decisions.loadDailyLoss('s1')).toEqual({
      utcDay: '2026-03-10',
      startEquityUsd: '100000',
      startedAt: at('2026-03-10T09:00:00.000Z'),
      stoppedAt: at('2026-03-10T10:00:00.000Z'),
    });
  });

  it('answers a replayed clientOrderId with the stored decision: no second row, no second event', async () => {
    const first = await check(order({ amount: '0.1', price: 60_000 }), portfolio(100_000));
    harness.clock.set(at('2026-03-10T11:00:00.000Z'));

    // The same order again, now with a book that would fail the leverage rule.
    const replay = await check(
      order({ amount: '0.1', price: 60_000 }),
      portfolio(100_000, [position('ETH', 150, 3500)]),
    );

    expect(replay).toEqual(first);
    expect(harness.decisions.decisions).toHaveLength(1);
    expect(harness.published).toHaveLength(1);
  });

  it('answers the stored decision when a concurrent check stored it first: no second event', async () => {
    // Both checks read before either stored: the lookup misses, the store keeps the first.
    class RacingRepository extends InMemoryRiskDecisionRepository {
      override findByClientOrderId(): Promise<RiskDecision | null> {
        return Promise.resolve(null);
      }
    }
    await harness.close();
    harness = await RiskHarness.create({ decisions: new RacingRepository() });

    const first = await check(order(), portfolio(100_000));
    harness.clock.set(at('2026-03-10T13:00:00.000Z'));
    const second = await check(order(), portfolio(100_000));

    expect(second).toEqual(first);
    expect(harness.decisions.decisions).toHaveLength(1);
    expect(harness.published).toHaveLength(1);
  });

  it('keeps a stopped day stopped over a restart: exits pass, entries wait for the next UTC day', async () => {
    await check(order({ clientOrderId: id(1) }), portfolio(100_000));
    harness.clock.set(at('2026-03-10T10:00:00.000Z'));
    await check(order({ clientOrderId: id(2) }), portfolio(94_000));
    await harness.close();

    harness = await RiskHarness.create({
      decisions: harness.decisions,
      start: at('2026-03-10T20:00:00.000Z'),
    });
    const book = portfolio(99_000, [position('BTC', 2, 100)]);
    const entry = await check(order({ clientOrderId: id(3) }), book);
    const exit = await check(order({ clientOrderId: id(4), intent: 'exit', side: 'ask' }), book);
    harness.clock.set(at('2026-03-11T00:00:00.000Z'));
    const nextDay = await check(order({ clientOrderId: id(5) }), book);

    expect(entry).toMatchObject({ approved: false, failedRule: 'daily_loss' });
    expect(entry.rules[0]).toMatchObject({ actual: '-1000', limit: '-5000' });
    expect(exit).toMatchObject({ approved: true, checkedAs: 'exit' });
    expect(nextDay).toMatchObject({ approved: true });
    expect(await harness.decisions.loadDailyLoss('s1')).toMatchObject({
      utcDay: '2026-03-11',
      startEquityUsd: '99000',
      stoppedAt: null,
    });
  });
});
