import { OrdersHarness } from '@nexwave/orders/testing';

import { TradingHaltedEvent } from '../events/trading-halted.event';
import { TradingResumedEvent } from '../events/trading-resumed.event';
import { GetBreakerStatusQuery } from '../queries/get-breaker-status.query';
import { HaltTradingCommand } from './halt-trading.command';
import { ResumeTradingCommand } from './resume-trading.command';

describe('HaltTradingHandler and ResumeTradingHandler', () => {
  let harness: OrdersHarness;

  beforeEach(async () => {
    harness = await OrdersHarness.create();
  });

  afterEach(() => harness.close());

  const halt = () =>
    harness.commands.execute(new HaltTradingCommand('suspicious fills', 'ops-alice'));
  const resume = () => harness.commands.execute(new ResumeTradingCommand('ops-carol'));

  it('stores who halted, when and why, and who resumed, as an audit trail', async () => {
    const halted = await halt();
    harness.clock.advance(60_000);
    const resumed = await resume();

    expect(halted).toMatchObject({
      state: 'halted',
      reason: 'suspicious fills',
      changedBy: 'ops-alice',
      changedAt: new Date('2026-01-15T12:00:00.000Z'),
    });
    expect(resumed).toMatchObject({ state: 'closed', changedBy: 'ops-carol' });
    expect(await harness.queries.execute(new GetBreakerStatusQuery())).toEqual(resumed);
    expect(harness.breakers.transitions.map(({ to, by, reason }) => [to, by, reason])).toEqual([
      ['halted', 'ops-alice', 'suspicious fills'],
      ['closed', 'ops-carol', 'resumed by ops-carol'],
    ]);
    expect(harness.publishedOf(TradingHaltedEvent)).toHaveLength(1);
    expect(harness.publishedOf(TradingResumedEvent)).toHaveLength(1);
  });

  it('refuses a second halt and a resume when not halted, changing nothing', async () => {
    await expect(resume()).rejects.toMatchObject({ code: 'NOT_HALTED' });
    await halt();
    await expect(halt()).rejects.toMatchObject({ code: 'ALREADY_HALTED' });

    expect(harness.breakers.transitions).toHaveLength(1);
  });
});
