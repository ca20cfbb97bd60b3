import type { Counter, Gauge, Histogram } from 'prom-client';

import { limitOrderRequest, OrdersHarness } from '@nexwave/orders/testing';

import { HaltTradingCommand } from './commands/halt-trading.command';
import { PlaceOrderCommand } from './commands/place-order.command';
import { ExchangeRejectedError } from './ports/exchange.errors';

async function value(
  metric: Counter<string> | Gauge<string> | Histogram<string>,
  labels: Record<string, string>,
  name?: string,
): Promise<number> {
  const { values } = await metric.get();
  return values
    .filter(
      (sample) => name === undefined || (sample as { metricName?: string }).metricName === name,
    )
    .filter((sample) => Object.entries(labels).every(([k, v]) => sample.labels[k] === v))
    .reduce((sum, sample) => sum + sample.value, 0);
}

describe('OrdersMetrics', () => {
  let harness: OrdersHarness;

  beforeEach(async () => {
    harness = await OrdersHarness.create();
  });

  afterEach(() => harness.close());

  it('counts order events by type and times each submission by outcome', async () => {
    const { events, submissionSeconds } = harness.metrics;
    await harness.commands.execute(new PlaceOrderCommand(limitOrderRequest()));
    harness.exchange.failNext(new ExchangeRejectedError('INSUFFICIENT_MARGIN', 'no margin'));
    await harness.commands.execute(new PlaceOrderCommand(limitOrderRequest()));

    expect(await value(events, { type: 'accepted' })).toBe(2);
    expect(await value(events, { type: 'opened' })).toBe(1);
    expect(await value(events, { type: 'rejected' })).toBe(1);
    const count = 'nexwave_order_submission_duration_seconds_count';
    expect(await value(submissionSeconds, { outcome: 'accepted' }, count)).toBe(1);
    expect(await value(submissionSeconds, { outcome: 'rejected' }, count)).toBe(1);
  });

  it('reads the breaker state at each scrape', async () => {
    const { breakerState } = harness.metrics;
    expect(await value(breakerState, { state: 'closed' })).toBe(1);

    await harness.commands.execute(new HaltTradingCommand('maintenance', 'ops-alice'));

    expect(await value(breakerState, { state: 'halted' })).toBe(1);
    expect(await value(breakerState, { state: 'closed' })).toBe(0);
  });
});
