import { FakeExchange, limitOrderRequest, OrdersHarness } from '@nexwave/orders/testing';

import type { OrderRequest } from '../../domain/order';
import { OrdersError } from '../../domain/orders.errors';
import { BreakerTrippedEvent } from '../events/breaker-tripped.event';
import { OrderOpenedEvent } from '../events/order-opened.event';
import { OrderPlacedEvent } from '../events/order-placed.event';
import { OrderRejectedEvent } from '../events/order-rejected.event';
import { ExchangeRejectedError, ExchangeUnavailableError } from '../ports/exchange.errors';
import { GetBreakerStatusQuery } from '../queries/get-breaker-status.query';
import { HaltTradingCommand } from './halt-trading.command';
import { PlaceOrderCommand } from './place-order.command';
import { ResumeTradingCommand } from './resume-trading.command';

/** Counts every place attempt, failed ones included (FakeExchange records only acknowledged ones). */
class CountingExchange extends FakeExchange {
  attempts = 0;

  override place(order: OrderRequest) {
    this.attempts++;
    return super.place(order);
  }
}

const HTTP_503 = () => new ExchangeUnavailableError('HTTP 503 from POST /orders/create');

describe('PlaceOrderHandler', () => {
  let harness: OrdersHarness;
  let exchange: CountingExchange;

  beforeEach(async () => {
    exchange = new CountingExchange();
    harness = await OrdersHarness.create({
      exchange,
      settings: { breaker: { failureThreshold: 5, coolDownMs: 30_000 } },
    });
  });

  afterEach(() => harness.close());

  const place = (order: OrderRequest) => harness.commands.execute(new PlaceOrderCommand(order));
  const stored = async (clientOrderId: string) =>
    (await harness.orders.findByClientOrderId(clientOrderId))?.snapshot();

  it('opens the order with the exchange id and publishes accepted then opened', async () => {
    const order = limitOrderRequest();

    const placed = await place(order);

    expect(placed).toMatchObject({ status: 'open', exchangeOrderId: 'ex-1', sequence: 1 });
    expect(await stored(order.clientOrderId)).toEqual(placed);
    expect(harness.orders.events.map((e) => [e.type, e.cause])).toEqual([
      ['accepted', 'request'],
      ['opened', 'paper'],
    ]);
    expect(harness.published.map((e) => e.constructor)).toEqual([
      OrderPlacedEvent,
      OrderOpenedEvent,
    ]);
  });

  it('is idempotent by clientOrderId: a second identical request returns the stored order', async () => {
    const order = limitOrderRequest();

    const first = await place(order);
    const second = await place(order);

    expect(second).toEqual(first);
    expect(exchange.attempts).toBe(1);
    expect(harness.orders.events).toHaveLength(2);
    expect(harness.publishedOf(OrderPlacedEvent)).toHaveLength(1);
  });

  it('stores the order pending before the exchange sees it', async () => {
    const seenAtSend: (string | undefined)[] = [];
    class CheckingExchange extends FakeExchange {
      override async place(order: OrderRequest) {
        seenAtSend.push((await stored(order.clientOrderId))?.status);
        return super.place(order);
      }
    }
    await harness.close();
    harness = await OrdersHarness.create({ exchange: new CheckingExchange() });
    const order = limitOrderRequest();

    await place(order);

    expect(seenAtSend).toEqual(['pending']);
  });

  it('opens the breaker after exactly 5 failures; the 6th order is not sent and is rejected with the reason', async () => {
    exchange.failNext(...[1, 2, 3, 4, 5].map(HTTP_503));
    const failed: string[] = [];
    for (let i = 0; i < 4; i++) {
      failed.push((await place(limitOrderRequest())).status);
    }
    const closedAfterFour = await harness.queries.execute(new GetBreakerStatusQuery());
    failed.push((await place(limitOrderRequest())).status);
    const sixth = limitOrderRequest();

    const refused = place(sixth);

    await expect(refused).rejects.toThrow(OrdersError);
    await expect(refused).rejects.toThrow(/open after 5 consecutive failures .*HTTP 503/);
    await expect(refused).rejects.toMatchObject({ code: 'BREAKER_OPEN' });
    expect(failed).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(closedAfterFour).toMatchObject({ state: 'closed', consecutiveFailures: 4 });
    expect(await harness.queries.execute(new GetBreakerStatusQuery())).toMatchObject({
      state: 'open',
      consecutiveFailures: 5,
    });
    expect(exchange.attempts).toBe(5);
    const rejected = await stored(sixth.clientOrderId);
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.reason).toMatch(/^circuit breaker open after 5 consecutive failures/);
    expect(harness.orders.events.filter((e) => e.type === 'rejected').map((e) => e.cause)).toEqual([
      'breaker',
    ]);
    expect(harness.publishedOf(BreakerTrippedEvent)).toHaveLength(1);
    expect(harness.publishedOf(OrderRejectedEvent)).toHaveLength(1);
  });

  it('lets one probe through after the cool-down: success closes, failure re-opens', async () => {
    exchange.failNext(...[1, 2, 3, 4, 5].map(HTTP_503));
    for (let i = 0; i < 5; i++) {
      await place(limitOrderRequest());
    }
    harness.clock.advance(29_999);
    await expect(place(limitOrderRequest())).rejects.toMatchObject({ code: 'BREAKER_OPEN' });

    harness.clock.advance(1);
    exchange.failNext(HTTP_503());
    const failedProbe = await place(limitOrderRequest());
    const reopened = await harness.queries.execute(new GetBreakerStatusQuery());
    harness.clock.advance(30_000);
    const probe = await place(limitOrderRequest());

    expect(failedProbe.status).toBe('unknown');
    expect(reopened.state).toBe('open');
    expect(reopened.reason).toMatch(/^probe failed/);
    expect(probe.status).toBe('open');
    expect(await harness.queries.execute(new GetBreakerStatusQuery())).toMatchObject({
      state: 'closed',
      consecutiveFailures: 0,
    });
    expect(exchange.attempts).toBe(7);
    expect(harness.breakers.transitions.map((t) => `${t.from}->${t.to}`)).toEqual([
      'closed->open',
      'open->half_open',
      'half_open->open',
      'open->half_open',
      'half_open->closed',
    ]);
  });

  it('counts a probe left in flight by a previous process as failed, so the breaker recovers', async () => {
    await harness.close();
    const changedAt = new Date('2026-01-15T11:59:00.000Z');
    harness = await OrdersHarness.create({
      exchange,
      breaker: {
        state: 'half_open',
        consecutiveFailures: 5,
        lastError: 'HTTP 503',
        reason: 'cool-down over: probing with one order',
        changedBy: null,
        changedAt,
        probeInFlight: true,
      },
    });

    const restarted = await harness.queries.execute(new GetBreakerStatusQuery());
    harness.clock.advance(30_000);
    const probe = await place(limitOrderRequest());

    expect(restarted).toMatchObject({ state: 'open', probeInFlight: false });
    expect(restarted.reason).toMatch(/^probe failed: probe lost/);
    expect(probe.status).toBe('open');
    expect((await harness.queries.execute(new GetBreakerStatusQuery())).state).toBe('closed');
  });

  it('stops placing while halted, with the halt reason, and places again after resume', async () => {
    await harness.commands.execute(new HaltTradingCommand('exchange maintenance', 'ops-alice'));
    const blocked = limitOrderRequest();

    await expect(place(blocked)).rejects.toMatchObject({
      code: 'TRADING_HALTED',
      message: 'trading halted by ops-alice: exchange maintenance',
    });
    await harness.commands.execute(new ResumeTradingCommand('ops-alice'));
    const resumed = await place(limitOrderRequest());

    expect(exchange.attempts).toBe(1);
    expect(await stored(blocked.clientOrderId)).toMatchObject({
      status: 'rejected',
      reason: 'trading halted by ops-alice: exchange maintenance',
    });
    expect(resumed.status).toBe('open');
  });

  it('rejects on an exchange refusal without counting it against the breaker', async () => {
    exchange.failNext(
      ...[1, 2, 3, 4].map(HTTP_503),
      new ExchangeRejectedError('INSUFFICIENT_MARGIN', 'not enough margin'),
      HTTP_503(),
    );
    for (let i = 0; i < 4; i++) {
      await place(limitOrderRequest());
    }

    const refused = await place(limitOrderRequest());
    await place(limitOrderRequest());

    expect(refused).toMatchObject({
      status: 'rejected',
      reason: 'INSUFFICIENT_MARGIN: not enough margin',
    });
    expect(await harness.queries.execute(new GetBreakerStatusQuery())).toMatchObject({
      state: 'closed',
      consecutiveFailures: 1,
    });
  });

  it('rejects, not unknown, when the exchange surely never received the order', async () => {
    exchange.failNext(
      new ExchangeUnavailableError('connect ECONNREFUSED', { mayHaveReachedExchange: false }),
    );

    const placed = await place(limitOrderRequest());

    expect(placed).toMatchObject({
      status: 'rejected',
      reason: 'exchange unavailable, not sent: connect ECONNREFUSED',
    });
    expect(await harness.queries.execute(new GetBreakerStatusQuery())).toMatchObject({
      consecutiveFailures: 1,
    });
  });

  it('keeps a fill the exchange pushed before its ack was stored, and answers with it', async () => {
    const repository = () => harness.orders;
    class FastFillExchange extends FakeExchange {
      override async place(order: OrderRequest) {
        const ack = await super.place(order);
        // What the order-updates listener does when the fill arrives before place() returns.
        const stored = (await repository().findByClientOrderId(order.clientOrderId))!;
        const fill = { fillId: 'f-1', amount: order.amount, price: '99000', feeUsd: '0.01' };
        const events = stored.applyFill(
          { ...fill, liquidity: 'taker', at: new Date(0) },
          'paper',
          ack.exchangeOrderId,
        );
        await repository().save({ order: stored, events, position: null });
        return ack;
      }
    }
    await harness.close();
    harness = await OrdersHarness.create({ exchange: new FastFillExchange() });

    const placed = await place(limitOrderRequest());

    expect(placed).toMatchObject({ status: 'filled', exchangeOrderId: 'ex-1', sequence: 1 });
    expect(harness.orders.events.map((e) => e.type)).toEqual(['accepted', 'filled']);
  });

  it('refuses a live order in a paper deployment and stores nothing', async () => {
    await expect(place(limitOrderRequest({ paperTrading: false }))).rejects.toMatchObject({
      code: 'INVALID_ORDER',
    });
    expect(harness.orders.events).toEqual([]);
    expect(exchange.attempts).toBe(0);
  });
});
