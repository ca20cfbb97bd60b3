import { RiskHarness } from '@nexwave/risk/testing';

import { order, portfolio } from '../../domain/testing/risk-fixtures';
import { CheckOrderRiskCommand } from '../commands/check-order-risk.command';
import { GetRiskDecisionsQuery } from './get-risk-decisions.query';

const id = (n: number) => `0190f3a4-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('GetRiskDecisionsHandler', () => {
  it("pages one strategy's decisions, newest first", async () => {
    const harness = await RiskHarness.create({ start: new Date('2026-03-10T09:00:00.000Z') });
    for (const [n, strategyId] of [
      [1, 's1'],
      [2, 's2'],
      [3, 's1'],
      [4, 's1'],
    ] as const) {
      harness.clock.set(new Date(Date.UTC(2026, 2, 10, 9, n)));
      await harness.commands.execute(
        new CheckOrderRiskCommand(order({ strategyId, clientOrderId: id(n) }), portfolio(100_000)),
      );
    }

    const page = await harness.queries.execute(
      new GetRiskDecisionsQuery('s1', { limit: 2, offset: 1 }),
    );

    expect(page.total).toBe(3);
    expect(page.items.map((decision) => decision.clientOrderId)).toEqual([id(3), id(1)]);
    await harness.close();
  });
});
