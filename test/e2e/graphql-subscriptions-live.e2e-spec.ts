import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';

import { PACIFICA_SIM, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { startAllInOneModule, type AllInOneModule } from '../support/all-in-one-module';
import { graphqlWsClient, subscribe, type SubscriptionReader } from '../support/graphql-ws-client';

const ADMIN_KEY = `nxk_00000000000000cd_${'D'.repeat(43)}`;
const MAX_SUBSCRIPTIONS = 5;

const CANDLE = `subscription ($symbol: String!, $timeframe: Timeframe!) {
  candleUpdated(symbol: $symbol, timeframe: $timeframe) {
    symbol timeframe time open high low close volume tradeCount closed
  }
}`;
const WHALE = `subscription { whaleDetected(minUsd: "100000", symbol: "BTC") { symbol side kind notionalUsd } }`;
const ORDER = `subscription ($clientOrderId: String) {
  orderUpdated(clientOrderId: $clientOrderId) { event status clientOrderId filledAmount lastFillAmount }
}`;
const BREAKER = `subscription { circuitBreakerChanged { from to reason by at } }`;

interface FormingCandle {
  symbol: string;
  timeframe: string;
  time: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  tradeCount: number;
  closed: boolean;
}

// The all-in-one app on its simulator (API_AUTH_REQUIRED off, its default; the api-gateway test
// covers it on): one graphql-ws client gets live candles from the trade stream, a whale injected
// into the simulator's book, the fill of a paper order placed over REST and the breaker halted
// through the admin endpoint.
describe('GraphQL subscriptions of the all-in-one app on its simulator', () => {
  let allInOne: AllInOneModule | undefined;
  let base: string;
  const clients: Client[] = [];

  function client(credential?: string): Client {
    const created = graphqlWsClient(base, credential);
    clients.push(created);
    return created;
  }

  async function post(path: string, body: unknown): Promise<number> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.status;
  }

  /** Polls until the REST symbols list has `symbol` (a subscription checks it as REST does). */
  async function untilSymbolKnown(symbol: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${base}/api/v1/symbols`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      });
      if (JSON.stringify(await response.json()).includes(`"${symbol}"`)) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${symbol} has no stored trades within 60 s`);
  }

  beforeAll(async () => {
    allInOne = await startAllInOneModule({
      SIM_WHALE_INTERVAL_SECONDS: '0',
      WHALE_DETECTION_INTERVAL: '0.5',
      SYMBOLS: 'BTC,ETH',
      ADMIN_API_KEY: ADMIN_KEY,
      GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(MAX_SUBSCRIPTIONS),
    });
    base = allInOne.base;
    await untilSymbolKnown('BTC');
  }, 120_000);

  afterAll(async () => {
    for (const each of clients) {
      await each.dispose();
    }
    await allInOne?.stop();
  });

  it('sends one client the forming candle, an injected whale, a paper fill and a breaker halt', async () => {
    const live = client(ADMIN_KEY);
    const whales = subscribe<{ whaleDetected: Record<string, unknown> }>(live, WHALE);
    const clientOrderId = randomUUID();
    const orders = subscribe<{ orderUpdated: Record<string, unknown> }>(live, ORDER, {
      clientOrderId,
    });
    const breaker = subscribe<{ circuitBreakerChanged: Record<string, unknown> }>(live, BREAKER);
    const candles = subscribe<{ candleUpdated: FormingCandle }>(live, CANDLE, {
      symbol: 'BTC',
      timeframe: 'M1',
    });

    // The first candle also says the connection's earlier subscriptions are registered.
    const first = await candles.next(60_000);
    expect(first.errors).toBeUndefined();
    const candle = first.data!.candleUpdated;
    expect(candle).toMatchObject({ symbol: 'BTC', timeframe: 'M1', closed: false });
    expect(new Date(candle.time).getTime() % 60_000).toBe(0);
    expect(Number(candle.low)).toBeLessThanOrEqual(Number(candle.high));
    expect(Number(candle.volume)).toBeGreaterThan(0);
    expect(candle.tradeCount).toBeGreaterThan(0);
    // The next update is the same bucket moved on, or the next bucket.
    const second = (await candles.next(60_000)).data!.candleUpdated;
    expect(new Date(second.time).getTime()).toBeGreaterThanOrEqual(new Date(candle.time).getTime());

    const sim = allInOne!.app.get<PacificaSim>(PACIFICA_SIM);
    const injected = await fetch(`${sim.adminUrl}/whales`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        symbol: 'BTC',
        side: 'bid',
        kind: 'single',
        notionalUsd: 500_000,
        durationMs: 10_000,
      }),
    });
    expect(injected.status).toBe(200);
    const whale = await whales.next(60_000);
    expect(whale.errors).toBeUndefined();
    expect(whale.data!.whaleDetected).toMatchObject({ symbol: 'BTC', side: 'bid', kind: 'SINGLE' });

    const order = {
      clientOrderId,
      symbol: 'BTC',
      side: 'bid',
      orderType: 'market',
      amount: '0.001',
    };
    expect(await post('/api/v1/orders', order)).toBe(201);
    const events: Record<string, unknown>[] = [];
    while (!events.some((event) => event['status'] === 'FILLED')) {
      const next = await orders.next(60_000);
      expect(next.errors).toBeUndefined();
      events.push(next.data!.orderUpdated);
    }
    expect(events.at(-1)).toMatchObject({
      event: 'filled',
      clientOrderId,
      filledAmount: '0.001',
      lastFillAmount: '0.001',
    });

    expect(await post('/api/v1/admin/circuit-breaker/halt', { reason: 'e2e halt' })).toBe(200);
    const halted = await breaker.next(30_000);
    expect(halted.errors).toBeUndefined();
    expect(halted.data!.circuitBreakerChanged).toMatchObject({
      from: 'closed',
      to: 'halted',
      reason: 'e2e halt',
    });
    expect(await post('/api/v1/admin/circuit-breaker/resume', {})).toBe(200);
    await expect(breaker.next(30_000)).resolves.toMatchObject({
      data: { circuitBreakerChanged: { from: 'halted', to: 'closed' } },
    });

    await Promise.all([whales, orders, breaker, candles].map((reader) => reader.close()));
  });

  it('refuses orderUpdated and circuitBreakerChanged without a key (role read); market data stays open', async () => {
    for (const query of [ORDER, BREAKER]) {
      const refused = await subscribe(client(), query).next();
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    const open = await subscribe<{ candleUpdated: FormingCandle }>(client(), CANDLE, {
      symbol: 'BTC',
      timeframe: 'M15',
    }).next(60_000);
    expect(open.errors).toBeUndefined();
    expect(open.data?.candleUpdated).toMatchObject({ symbol: 'BTC', timeframe: 'M15' });
  });

  it('refuses a candle subscription of an unknown symbol or timeframe, with the reason', async () => {
    const unknown = await subscribe(client(ADMIN_KEY), CANDLE, {
      symbol: 'NOPE',
      timeframe: 'M1',
    }).next();
    expect(unknown.errors?.[0]?.message).toMatch(/unknown symbol 'NOPE'/);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const malformed = await subscribe(client(ADMIN_KEY), CANDLE, {
      symbol: 'BTC/USD',
      timeframe: 'M1',
    }).next();
    expect(malformed.errors?.[0]?.message).toMatch(/symbol must be an exchange symbol/);
    const timeframe = await subscribe(client(ADMIN_KEY), CANDLE, {
      symbol: 'BTC',
      timeframe: '1m',
    }).next();
    expect(timeframe.errors?.[0]?.message).toMatch(/Timeframe/);
  });

  it(`refuses a subscription beyond ${MAX_SUBSCRIPTIONS} on one connection; the others go on`, async () => {
    const shared = client(ADMIN_KEY);
    const readers: SubscriptionReader<{ candleUpdated: FormingCandle }>[] = Array.from(
      { length: MAX_SUBSCRIPTIONS + 1 },
      () => subscribe(shared, CANDLE, { symbol: 'BTC', timeframe: 'M5' }),
    );
    const refused = await readers[MAX_SUBSCRIPTIONS].next();
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_SUBSCRIPTIONS');
    const kept = await readers[0].next(60_000);
    expect(kept.data?.candleUpdated).toMatchObject({ symbol: 'BTC', timeframe: 'M5' });
    await Promise.all(readers.map((reader) => reader.close()));
  });
});
