import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { Pool } from 'pg';

import { formatApiKey } from '@nexwave/auth';
import { freePort } from '@nexwave/core/testing';
import {
  migrateDatabase,
  startPooledEmbeddedTimescale,
  type PooledEmbeddedTimescale,
} from '@nexwave/database';
import { copyTemplateDataDir, ERRORS_ONLY } from '@nexwave/database/testing';
import { createEnvelope, Topics, type OrderEventV1, type OrderRequestV1 } from '@nexwave/messaging';
import { startRedisServer, type RedisTestServer } from '@nexwave/messaging/testing';
import { startPacificaSim, type PacificaSim } from '@nexwave/pacifica-sim/testing';

import { startApp, waitForOk, type AppProcess } from '../support/app-process';
import { graphqlWsClient, subscribe } from '../support/graphql-ws-client';
import { startKafkaTestBroker, type KafkaTestBroker } from '../support/kafka-broker';
import { KafkaTopics, type TopicWatch } from '../support/kafka-topics';
import {
  SPLIT_APPS,
  splitAppEnv,
  type SplitApp,
  type SplitEndpoints,
} from '../support/split/split-apps';

/** The machine is small and shared: every wait is long, and each is a condition, never a sleep. */
const WAIT_MS = 150_000;
const STRATEGY = 'e2e-split';

interface OrderView {
  clientOrderId: string;
  status: string;
  amount: string;
  filledAmount: string;
  reason: string | null;
}

function marketBuy(): OrderRequestV1 {
  return {
    clientOrderId: randomUUID(),
    strategyId: STRATEGY,
    symbol: 'BTC',
    side: 'bid',
    orderType: 'market',
    amount: '0.001',
    price: null,
    tif: null,
    slippagePercent: '1',
    reduceOnly: false,
    paperTrading: true,
    metadata: {},
  };
}

// Issue 13: the five apps as separate processes, the way `npm run start:split` runs them: over
// the Kafka test broker and a redis-server, on one embedded TimescaleDB behind PgBouncer, against
// the simulator. The test stands in for the trading-engine's strategy only in putting order
// requests on its topic, orders.requests.v1 (through kafkajs): the demo strategy needs minutes of
// candles before its first order.
describe('the split system: five processes over Kafka, Redis and one pooled database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexwave-split-e2e-'));
  const adminApiKey = formatApiKey(randomBytes(8), randomBytes(32));
  const running = new Map<SplitApp, AppProcess>();
  let database: PooledEmbeddedTimescale;
  let broker: KafkaTestBroker;
  let redisServer: RedisTestServer;
  let sim: PacificaSim;
  let topics: KafkaTopics;
  let events: TopicWatch<OrderEventV1>;
  let sql: Pool;
  let endpoints: SplitEndpoints;
  const gateway = () => `http://127.0.0.1:${endpoints.gatewayPort}`;
  const wsClients: Client[] = [];
  /** A graphql-ws client of the api-gateway with the admin key. */
  const wsClient = () => {
    const client = graphqlWsClient(gateway(), adminApiKey);
    wsClients.push(client);
    return client;
  };

  async function start(app: SplitApp): Promise<void> {
    const port = app === 'api-gateway' ? endpoints.gatewayPort : await freePort();
    const child = startApp(app, {
      ...splitAppEnv(app, port, endpoints),
      SYMBOLS: 'BTC',
      LOG_LEVEL: 'warn',
    });
    running.set(app, child);
    await waitForOk(`http://127.0.0.1:${port}/health`, child, 240_000);
  }

  async function get<T>(path: string): Promise<T> {
    const response = await fetch(`${gateway()}${path}`, {
      headers: { authorization: `Bearer ${adminApiKey}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  }

  /** `get`, or undefined while the api-gateway answers 400 (a symbol with no trade yet). */
  async function getOnceKnown<T>(path: string): Promise<T | undefined> {
    return get<T>(path).catch((error: Error) => {
      if (error.message.includes(': 400 ')) {
        return undefined;
      }
      throw error;
    });
  }

  async function request(order: OrderRequestV1): Promise<void> {
    const envelope = createEnvelope({
      type: 'orders.requests',
      v: 1,
      key: order.clientOrderId,
      payload: order,
    });
    await topics.publishRaw(Topics.OrdersRequests, order.clientOrderId, JSON.stringify(envelope));
  }

  /** Our strategy's orders, as the api-gateway serves them. */
  async function ourOrders(): Promise<OrderView[]> {
    const page = await get<{ orders: OrderView[]; total: number }>(
      `/api/v1/orders?strategyId=${STRATEGY}&limit=100`,
    );
    expect(page.orders).toHaveLength(page.total);
    return page.orders;
  }

  async function settled(clientOrderId: string, status: string): Promise<OrderView> {
    let order: OrderView | undefined;
    await topics.until(`order ${clientOrderId} ${status} at the api-gateway`, async () => {
      order = (await ourOrders()).find((o) => o.clientOrderId === clientOrderId);
      return order?.status === status;
    });
    return order!;
  }

  /** The events order-management published, per order: distinct message ids as [event, sequence]. */
  function eventsOf(clientOrderId: string): [string, number][] {
    const unique = new Map(
      events.messages
        .filter((m) => m.payload.clientOrderId === clientOrderId)
        .map((m) => [m.id, [m.payload.event, m.payload.sequence] as [string, number]]),
    );
    return [...unique.values()].sort((a, b) => a[1] - b[1]);
  }

  /** Runs `check`; a failure carries the end of every app's output. */
  async function withAppOutput(check: () => Promise<void>): Promise<void> {
    try {
      await check();
    } catch (error) {
      const outputs = [...running].map(([app, p]) => `--- ${app}\n${p.output().slice(-2_000)}`);
      (error as Error).message += `\n${outputs.join('\n')}`;
      throw error;
    }
  }

  beforeAll(async () => {
    await copyTemplateDataDir(join(dir, 'pgdata'));
    database = await startPooledEmbeddedTimescale({
      dataDir: join(dir, 'pgdata'),
      port: 0,
      logger: ERRORS_ONLY,
    });
    // The migrate step, once, before any app: the apps only wait for the schema.
    await migrateDatabase({ url: database.url, embeddedDataDir: '', embeddedPort: 0 });
    sql = new Pool({ connectionString: database.url, max: 1 });
    broker = await startKafkaTestBroker({ port: 0 });
    redisServer = await startRedisServer();
    sim = await startPacificaSim({ port: 0 });
    topics = await KafkaTopics.connect(broker.brokers, WAIT_MS);
    events = await topics.watch<OrderEventV1>(Topics.OrdersEvents);
    endpoints = {
      databaseUrl: database.url,
      kafkaBrokers: broker.brokers.join(','),
      redisUrl: redisServer.url,
      simUrl: `http://127.0.0.1:${sim.port}`,
      gatewayPort: await freePort(),
      adminApiKey,
      tickSpoolDir: join(dir, 'spool'),
    };
    await Promise.all(SPLIT_APPS.map((app) => start(app)));
  }, 400_000);

  afterAll(async () => {
    for (const client of wsClients) {
      await client.dispose();
    }
    for (const app of running.values()) {
      if (app.child.exitCode === null && app.child.signalCode === null) {
        app.child.kill('SIGTERM');
        await app.exited;
      }
    }
    await topics?.close();
    await sql?.end();
    await sim?.stop();
    await redisServer?.stop();
    await broker?.stop();
    await database?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("serves market-data's candles and whale-tracker's whales at the api-gateway", async () => {
    let candles: { close: string }[] = [];
    await topics.until('a BTC 1m candle at the api-gateway', async () => {
      const page = await getOnceKnown<{ candles: { close: string }[] }>(
        '/api/v1/candles/BTC/1m?limit=1',
      );
      candles = page?.candles ?? [];
      return candles.length > 0;
    });
    expect(Number(candles[0].close)).toBeGreaterThan(0);

    // The api-gateway reads trades:BTC from Redis itself, and whales.detected.v1 from Kafka in a
    // group of its own instance.
    const live = wsClient();
    const whales = subscribe<{ whaleDetected: { symbol: string; side: string } }>(
      live,
      'subscription { whaleDetected(symbol: "BTC") { symbol side } }',
    );
    const forming = subscribe<{ candleUpdated: { symbol: string; closed: boolean } }>(
      live,
      'subscription { candleUpdated(symbol: "BTC", timeframe: M1) { symbol closed } }',
    );
    const candle = await forming.next(WAIT_MS);
    expect(candle.data?.candleUpdated).toEqual({ symbol: 'BTC', closed: false });

    sim.injectWhale({ symbol: 'BTC', side: 'bid', kind: 'single', durationMs: 60_000 });
    const whale = await whales.next(WAIT_MS);
    expect(whale.data?.whaleDetected).toEqual({ symbol: 'BTC', side: 'bid' });
    await Promise.all([whales.close(), forming.close()]);
    let activities: { symbol: string; side: string }[] = [];
    await topics.until('a BTC whale at the api-gateway', async () => {
      ({ activities } = await get<{ activities: { symbol: string; side: string }[] }>(
        '/api/v1/whales?symbol=BTC',
      ));
      return activities.length > 0;
    });
    expect(activities[0]).toMatchObject({ symbol: 'BTC', side: 'bid' });
  }, 300_000);

  it('fills an order request put on orders.requests.v1, and its events reach the api-gateway', async () => {
    const order = marketBuy();
    await request(order);

    expect(await settled(order.clientOrderId, 'filled')).toMatchObject({ filledAmount: '0.001' });
    const { positions } = await get<{ positions: { symbol: string; size: string }[] }>(
      '/api/v1/positions',
    );
    expect(positions.find((p) => p.symbol === 'BTC')?.size).toMatch(/^[1-9]|^0\.0*[1-9]/);
    await events.until(
      'its events on orders.events.v1',
      () => eventsOf(order.clientOrderId).length === 3,
    );
    expect(eventsOf(order.clientOrderId)).toEqual([
      ['accepted', 0],
      ['opened', 1],
      ['filled', 2],
    ]);
  }, 300_000);

  it('loses and duplicates no order when order-management is killed mid-flow and restarted', async () => {
    await withAppOutput(async () => {
      const before = (await ourOrders()).length;
      const first = Array.from({ length: 20 }, marketBuy);
      const second = Array.from({ length: 10 }, marketBuy);
      const all = [...first, ...second];
      const ids = all.map((o) => o.clientOrderId);
      for (const order of first) {
        await request(order);
      }
      await events.until('the first order of the batch handled', () =>
        eventsOf(first[0].clientOrderId).some(([event]) => event === 'filled'),
      );
      const orderManagement = running.get('order-management')!;
      orderManagement.child.kill('SIGKILL');
      await orderManagement.exited;
      // Only order-management writes orders: what it left is what the restart starts from.
      const left = new Map(
        (
          await sql.query<{ client_order_id: string; status: string }>(
            'SELECT client_order_id, status FROM orders WHERE client_order_id = ANY($1::uuid[])',
            [ids],
          )
        ).rows.map((row) => [row.client_order_id, row.status]),
      );
      // Requests keep coming while it is down; Kafka keeps them.
      for (const order of second) {
        await request(order);
      }
      await start('order-management');

      const FINAL = ['filled', 'canceled', 'rejected', 'expired'];
      let orders = new Map<string, OrderView>();
      await topics.until('every request of the batch final at the api-gateway', async () => {
        orders = new Map((await ourOrders()).map((o) => [o.clientOrderId, o]));
        return ids.every((id) => FINAL.includes(orders.get(id)?.status ?? 'none'));
      });
      expect(left.size).toBeLessThan(first.length);
      expect(orders.size).toBe(before + all.length);
      // Not started before the kill: handled once after the restart, and filled. Started but not
      // finished (the paper exchange's book died with the process): ended by reconciliation.
      const inFlight = ids.filter((id) => left.has(id) && left.get(id) !== 'filled');
      for (const id of ids.filter((id) => !inFlight.includes(id))) {
        expect([id, orders.get(id)!.status]).toEqual([id, 'filled']);
      }
      // One order row per request, and a fill only for a filled order, never two.
      const { rows } = await sql.query<{ id: string; fills: string }>(
        `SELECT o.client_order_id AS id, count(f.id) AS fills FROM orders o
           LEFT JOIN fills f ON f.order_id = o.id
          WHERE o.client_order_id = ANY($1::uuid[]) GROUP BY o.client_order_id`,
        [ids],
      );
      expect(new Map(rows.map((row) => [row.id, Number(row.fills)]))).toEqual(
        new Map(ids.map((id) => [id, orders.get(id)!.status === 'filled' ? 1 : 0])),
      );
      // Every event once (by message id), in sequence: no message handled twice.
      await events.until('the last event of every order of the batch on orders.events.v1', () =>
        ids.every((id) => eventsOf(id).some(([event]) => FINAL.includes(event))),
      );
      for (const id of ids) {
        const sequences = eventsOf(id).map(([, sequence]) => sequence);
        expect(sequences).toEqual(sequences.map((_, i) => i));
      }
      const handledAfter = ids.filter((id) => !inFlight.includes(id));
      expect(handledAfter.map((id) => eventsOf(id))).toEqual(
        handledAfter.map(() => [
          ['accepted', 0],
          ['opened', 1],
          ['filled', 2],
        ]),
      );
    });
  }, 400_000);

  it('halts order-management from the api-gateway over orders.commands.v1: the next order is refused', async () => {
    // order-management's orders.breaker.v1 reaches the api-gateway's subscribers. A candle on the
    // same connection, subscribed after it, says the breaker subscription is registered.
    const live = wsClient();
    const changes = subscribe<{ circuitBreakerChanged: { to: string; reason: string } }>(
      live,
      'subscription { circuitBreakerChanged { to reason } }',
    );
    await subscribe(
      live,
      'subscription { candleUpdated(symbol: "BTC", timeframe: M1) { symbol } }',
    ).next(WAIT_MS);
    const response = await fetch(`${gateway()}/api/v1/admin/circuit-breaker/halt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'e2e: split halt' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: 'halted', reason: 'e2e: split halt' });
    const change = await changes.next(WAIT_MS);
    expect(change.data?.circuitBreakerChanged).toEqual({ to: 'halted', reason: 'e2e: split halt' });

    const order = marketBuy();
    await request(order);
    const refused = await settled(order.clientOrderId, 'rejected');
    expect(refused).toMatchObject({ filledAmount: '0' });
    expect(refused.reason).toContain('e2e: split halt');
    const { rows } = await sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM fills f JOIN orders o ON o.id = f.order_id WHERE o.client_order_id = $1`,
      [order.clientOrderId],
    );
    expect(Number(rows[0].n)).toBe(0);
  }, 300_000);
});
