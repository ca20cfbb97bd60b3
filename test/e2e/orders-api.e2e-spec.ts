import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

import { startAllInOne, type AllInOne } from '../support/all-in-one';
import { callApi, createApiKey, type Answer } from '../support/api-client';
import type { AppProcess } from '../support/app-process';

const JWT_SECRET = 'orders-e2e-jwt-secret-of-at-least-32-chars';
const ADMIN_API_KEY = `nxk_00000000000000aa_${'B'.repeat(43)}`;
const HALT_REASON = 'e2e: exchange maintenance';

interface OrderBody {
  clientOrderId: string;
  status: string;
  symbol: string;
  side: string;
  amount: string;
  filledAmount: string;
  averageFillPrice: string | null;
  feeUsd: string;
  paperTrading: boolean;
  strategyId: string;
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

// The "Done when", on the all-in-one app as `npm start` runs it: orders placed over REST
// and GraphQL fill on the paper exchange against the simulator's books (through market-data's
// order-book stream) and show in orders and positions; an admin halt refuses the next order with
// its reason until resumed; every orders route checks its role.
describe('orders API (all-in-one app as a process)', () => {
  let app: AppProcess;
  let allInOne: AllInOne | undefined;
  let base: string;
  const keys: Record<'read' | 'trade' | 'admin', string> = {
    read: '',
    trade: '',
    admin: ADMIN_API_KEY,
  };

  const call = <T = Record<string, unknown>>(
    method: string,
    path: string,
    credential?: string,
    body?: unknown,
  ) => callApi<T>(base, method, path, credential, body);

  async function graphql(query: string, credential?: string): Promise<GraphqlBody> {
    const { status, body } = await call<GraphqlBody>('POST', '/graphql', credential, { query });
    expect(status).toBe(200);
    return body;
  }

  const marketBuy = (amount: string, clientOrderId: string = randomUUID()) => ({
    clientOrderId,
    symbol: 'BTC',
    side: 'bid',
    orderType: 'market',
    amount,
  });

  /** Polls GET until the order is `status` (the paper fill follows the exchange's ack). */
  async function waitForStatus(clientOrderId: string, status: string): Promise<OrderBody> {
    const deadline = Date.now() + 30_000;
    let last: Answer<OrderBody> | undefined;
    while (Date.now() < deadline) {
      last = await call<OrderBody>('GET', `/api/v1/orders/${clientOrderId}`, keys.read);
      if (last.body.status === status) {
        return last.body;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`order not ${status} within 30 s: ${JSON.stringify(last)}`);
  }

  /**
   * Polls until the BTC book has reached the paper exchange through market-data's stream: until
   * then a market order is rejected (no book); the first one accepted fills.
   */
  async function waitForBook(): Promise<OrderBody> {
    const deadline = Date.now() + 60_000;
    let last: Answer<OrderBody> | undefined;
    while (Date.now() < deadline) {
      last = await call<OrderBody>('POST', '/api/v1/orders', keys.trade, marketBuy('0.001'));
      if (last.status === 201) {
        return waitForStatus(last.body.clientOrderId, 'filled');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no order accepted within 60 s: ${JSON.stringify(last)}\n${app.output()}`);
  }

  const createKey = (role: 'read' | 'trade') =>
    createApiKey(base, ADMIN_API_KEY, role, `orders e2e ${role}`);

  async function positionSize(symbol: string): Promise<string | undefined> {
    const { body } = await call<{ positions: { symbol: string; size: string }[] }>(
      'GET',
      '/api/v1/positions',
      keys.read,
    );
    return body.positions.find((position) => position.symbol === symbol)?.size;
  }

  beforeAll(async () => {
    allInOne = await startAllInOne(
      {
        SIM_WHALE_INTERVAL_SECONDS: '0',
        SYMBOLS: 'BTC,ETH',
        ADMIN_API_KEY,
        JWT_SECRET,
        // Nest's wiring lines (routes mapped, handlers registered) are at debug.
        LOG_LEVEL: 'debug',
      },
      90_000,
    );
    ({ app, base } = allInOne);
    keys.read = (await createKey('read')).key;
    keys.trade = (await createKey('trade')).key;
  }, 120_000);

  afterAll(() => allInOne?.stop());

  it('fills a REST market order on the paper exchange; it shows in orders and positions, once', async () => {
    const first = await waitForBook();
    const before = Number(await positionSize('BTC'));

    const clientOrderId = randomUUID();
    const placed = await call<OrderBody>('POST', '/api/v1/orders', keys.trade, {
      ...marketBuy('0.01', clientOrderId),
      metadata: { note: 'e2e' },
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      clientOrderId,
      strategyId: 'manual',
      symbol: 'BTC',
      side: 'bid',
      amount: '0.01',
      paperTrading: true,
    });
    const filledOrder = await waitForStatus(clientOrderId, 'filled');
    expect(filledOrder).toMatchObject({ filledAmount: '0.01' });
    expect(Number(filledOrder.averageFillPrice)).toBeGreaterThan(0);
    expect(Number(filledOrder.feeUsd)).toBeGreaterThan(0);
    const filled = await call<{ orders: OrderBody[]; total: number }>(
      'GET',
      '/api/v1/orders?symbol=BTC&status=filled&strategyId=manual&limit=500',
      keys.read,
    );
    expect(filled.status).toBe(200);
    expect(filled.body.orders.map((order) => order.clientOrderId)).toEqual(
      expect.arrayContaining([first.clientOrderId, clientOrderId]),
    );
    const after = Number(await positionSize('BTC'));
    expect(after).toBeCloseTo(before + 0.01, 9);

    // The same clientOrderId again: the stored order, nothing new filled.
    const replay = await call<OrderBody>(
      'POST',
      '/api/v1/orders',
      keys.trade,
      marketBuy('0.01', clientOrderId),
    );
    expect(replay).toEqual({ status: 201, body: filledOrder });
    expect(Number(await positionSize('BTC'))).toBeCloseTo(after, 9);
    const again = await call<{ total: number }>(
      'GET',
      '/api/v1/orders?symbol=BTC&status=filled&limit=1',
      keys.read,
    );
    expect(again.body.total).toBe(filled.body.total);
  });

  it('refuses every order with the reason of an admin halt until an admin resumes', async () => {
    await waitForBook();
    const halted = await call('POST', '/api/v1/admin/circuit-breaker/halt', keys.admin, {
      reason: HALT_REASON,
    });
    expect(halted).toMatchObject({
      status: 200,
      body: { state: 'halted', reason: HALT_REASON, changedBy: 'api-key:00000000000000aa' },
    });
    expect(await call('GET', '/api/v1/admin/circuit-breaker', keys.admin)).toEqual(halted);

    const refused = await call('POST', '/api/v1/orders', keys.trade, marketBuy('0.01'));
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'TRADING_HALTED', message: expect.stringContaining(HALT_REASON) as unknown },
    });
    const again = await call('POST', '/api/v1/admin/circuit-breaker/halt', keys.admin, {
      reason: 'twice',
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_HALTED' } });

    const resumed = await call('POST', '/api/v1/admin/circuit-breaker/resume', keys.admin, {
      reason: 'maintenance over',
    });
    expect(resumed).toMatchObject({ status: 200, body: { state: 'closed' } });
    const placed = await call<OrderBody>('POST', '/api/v1/orders', keys.trade, marketBuy('0.01'));
    expect(placed.status).toBe(201);
    await waitForStatus(placed.body.clientOrderId, 'filled');
    const notHalted = await call('POST', '/api/v1/admin/circuit-breaker/resume', keys.admin, {});
    expect(notHalted).toMatchObject({ status: 409, body: { code: 'NOT_HALTED' } });
  });

  it('rests a limit order far from the market and cancels it over DELETE', async () => {
    const placed = await call<OrderBody>('POST', '/api/v1/orders', keys.trade, {
      symbol: 'BTC',
      side: 'bid',
      orderType: 'limit',
      amount: '0.1',
      price: '1000',
    });
    expect(placed).toMatchObject({ status: 201, body: { status: 'open', filledAmount: '0' } });
    const path = `/api/v1/orders/${placed.body.clientOrderId}`;
    expect(await call('DELETE', path, keys.trade)).toMatchObject({
      status: 200,
      body: { status: 'canceled', filledAmount: '0' },
    });
    expect(await call('DELETE', path, keys.trade)).toMatchObject({
      status: 409,
      body: { code: 'ILLEGAL_TRANSITION' },
    });
    expect(await call('DELETE', `/api/v1/orders/${randomUUID()}`, keys.trade)).toMatchObject({
      status: 404,
      body: { code: 'ORDER_NOT_FOUND' },
    });
  });

  it('answers an order the exchange rejects with 409 and its reason, also on replay', async () => {
    const tooSmall = {
      clientOrderId: randomUUID(),
      symbol: 'BTC',
      side: 'bid',
      orderType: 'limit',
      amount: '0.001',
      price: '1000',
    };
    const rejected = await call('POST', '/api/v1/orders', keys.trade, tooSmall);
    expect(rejected).toMatchObject({
      status: 409,
      body: {
        code: 'ORDER_REJECTED',
        message: expect.stringContaining('NOTIONAL_TOO_SMALL') as unknown,
        details: { clientOrderId: tooSmall.clientOrderId },
      },
    });
    expect(await call('POST', '/api/v1/orders', keys.trade, tooSmall)).toEqual(rejected);
    await waitForStatus(tooSmall.clientOrderId, 'rejected');
  });

  it('answers bad input with 400 and the reason, an unknown order with 404', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/api/v1/orders?limit=0', undefined, 400, 'limit must not be less than 1'],
      ['GET', '/api/v1/orders?offset=-1', undefined, 400, 'offset must not be less than 0'],
      ['GET', '/api/v1/orders?limit=501', undefined, 400, 'limit must not be greater than 500'],
      ['GET', '/api/v1/orders?status=done', undefined, 400, 'status must be one of'],
      ['GET', `/api/v1/orders/${randomUUID()}`, undefined, 404, 'ORDER_NOT_FOUND'],
      ['GET', '/api/v1/orders/not-a-uuid', undefined, 400, 'uuid is expected'],
      [
        'POST',
        '/api/v1/orders',
        { ...marketBuy('0.01'), price: '1' },
        400,
        'a market order has no price',
      ],
      [
        'POST',
        '/api/v1/orders',
        { ...marketBuy('0'), amount: 'x' },
        400,
        'amount must be a decimal',
      ],
    ];
    for (const [method, path, body, status, reason] of cases) {
      const answer = await call(method, path, method === 'GET' ? keys.read : keys.trade, body);
      expect({ path, status: answer.status }).toEqual({ path, status });
      expect(JSON.stringify(answer.body)).toContain(reason);
    }
  });

  it('registers each orders query handler once (OrdersModule and the API share OrdersReadModule)', () => {
    expect(app.output()).toContain('Mapped {/api/v1/orders, POST}');
    expect(app.output()).not.toContain('is already registered');
  });

  describe('the credential matrix on the orders routes', () => {
    const credential: Record<string, () => Promise<string | undefined>> = {
      'no key': () => Promise.resolve(undefined),
      'read key': () => Promise.resolve(keys.read),
      'trade key': () => Promise.resolve(keys.trade),
      'admin key': () => Promise.resolve(keys.admin),
      'JWT of a trade key': async () =>
        (
          await call<{ accessToken: string }>('POST', '/api/v1/auth/token', undefined, {
            apiKey: keys.trade,
          })
        ).body.accessToken,
      'expired JWT': async () => {
        const { id } = await createKey('trade');
        return new JwtService({ secret: JWT_SECRET }).signAsync(
          { sub: id, role: 'trade', exp: Math.floor(Date.now() / 1000) - 10 },
          { issuer: 'nexwave' },
        );
      },
    };

    // [credential, GET orders and positions, POST order, GET breaker, POST halt and resume]
    const matrix: [string, number, number, number, number][] = [
      ['no key', 401, 401, 401, 401],
      ['read key', 200, 403, 403, 403],
      ['trade key', 200, 201, 403, 403],
      ['JWT of a trade key', 200, 201, 403, 403],
      ['admin key', 200, 201, 200, 200],
      ['expired JWT', 401, 401, 401, 401],
    ];

    it.each(matrix)('%s: list %d, place %d, breaker %d, halt %d', async (name, ...expected) => {
      await waitForBook();
      const bearer = await credential[name]();
      const list = await call('GET', '/api/v1/orders?limit=1', bearer);
      const place = await call('POST', '/api/v1/orders', bearer, marketBuy('0.001'));
      const breaker = await call('GET', '/api/v1/admin/circuit-breaker', bearer);
      const halt = await call('POST', '/api/v1/admin/circuit-breaker/halt', bearer, {
        reason: `matrix ${name}`,
      });
      const resume = await call('POST', '/api/v1/admin/circuit-breaker/resume', bearer, {});
      const positions = await call('GET', '/api/v1/positions', bearer);
      const [reads, places, admin, halts] = expected;
      expect([list.status, positions.status, place.status, breaker.status]).toEqual([
        reads,
        reads,
        places,
        admin,
      ]);
      expect([halt.status, resume.status]).toEqual([halts, halts]);
    });
  });

  describe('GraphQL', () => {
    const place = (clientOrderId: string) => `mutation {
      placeOrder(input: { clientOrderId: "${clientOrderId}", symbol: "BTC", side: "bid", orderType: "market", amount: "0.002" }) {
        clientOrderId status strategyId paperTrading
      }
    }`;

    it('places an order that fills and lists it with orders, positions and the breaker', async () => {
      await waitForBook();
      const clientOrderId = randomUUID();
      const placed = await graphql(place(clientOrderId), keys.trade);
      expect(placed).toEqual({
        data: {
          placeOrder: {
            clientOrderId,
            status: expect.stringMatching(/^(OPEN|FILLED)$/) as unknown,
            strategyId: 'manual',
            paperTrading: true,
          },
        },
      });
      await waitForStatus(clientOrderId, 'filled');
      const listed = await graphql(
        `{ orders(symbol: "BTC", status: FILLED, limit: 500) { total orders { clientOrderId } }
           order(clientOrderId: "${clientOrderId}") { status }
           positions { symbol size } }`,
        keys.read,
      );
      expect(listed.errors).toBeUndefined();
      const { orders, order, positions } = listed.data as {
        orders: { total: number; orders: { clientOrderId: string }[] };
        order: { status: string };
        positions: { symbol: string; size: string }[];
      };
      expect(orders.orders).toContainEqual({ clientOrderId });
      expect(order).toEqual({ status: 'FILLED' });
      expect(positions.map((position) => position.symbol)).toContain('BTC');
      const breaker = await graphql('{ circuitBreaker { state } }', keys.admin);
      expect(breaker).toEqual({ data: { circuitBreaker: { state: 'closed' } } });
    });

    it('halts and resumes by mutation, refusing placeOrder with the reason meanwhile', async () => {
      await waitForBook();
      const halted = await graphql(
        `mutation { haltTrading(reason: "${HALT_REASON}") { state reason changedBy } }`,
        keys.admin,
      );
      expect(halted).toEqual({
        data: {
          haltTrading: {
            state: 'halted',
            reason: HALT_REASON,
            changedBy: 'api-key:00000000000000aa',
          },
        },
      });
      const refused = await graphql(place(randomUUID()), keys.trade);
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringContaining(HALT_REASON) as unknown,
        extensions: { code: 'CONFLICT', reason: 'TRADING_HALTED' },
      });
      const resumed = await graphql('mutation { resumeTrading { state } }', keys.admin);
      expect(resumed).toEqual({ data: { resumeTrading: { state: 'closed' } } });
    });

    it('checks roles and input like REST', async () => {
      const byRead = await graphql(place(randomUUID()), keys.read);
      expect(byRead.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
      const anonymous = await graphql('{ orders { total } }');
      expect(anonymous.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      const byTrade = await graphql('mutation { haltTrading(reason: "no") { state } }', keys.trade);
      expect(byTrade.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
      const bounds = await graphql('{ orders(limit: 0) { total } }', keys.read);
      expect(bounds.errors?.[0]).toMatchObject({
        message: 'limit must be an integer from 1 to 500',
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_REQUEST' },
      });
      const unknown = await graphql(
        `{ order(clientOrderId: "${randomUUID()}") { status } }`,
        keys.read,
      );
      expect(unknown.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ORDER_NOT_FOUND',
      });
    });
  });
});
