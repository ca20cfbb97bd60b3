import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Client } from 'graphql-ws';

import { loadConfig } from '@nexwave/config';
import type { EmbeddedTimescale } from '@nexwave/database';
import { startMigratedDatabase } from '@nexwave/database/testing';
import {
  MessageBusPort,
  Topics,
  type OrderEventV1,
  type WhaleDetectedV1,
} from '@nexwave/messaging';
import { createApp } from '@nexwave/platform';

import { ApiGatewayAppModule } from '../../apps/api-gateway/src/api-gateway-app.module';
import { graphqlWsClient, subscribe } from '../support/graphql-ws-client';

const ADMIN_KEY = `nxk_0123456789abcdef_${'A'.repeat(43)}`;
const MAX_SUBSCRIPTIONS = 3;

const WHALE_SUBSCRIPTION = `subscription ($minUsd: String) {
  whaleDetected(minUsd: $minUsd) { activityId symbol side kind notionalUsd levels confidence }
}`;

const ORDER_SUBSCRIPTION = `subscription ($strategyId: String) {
  orderUpdated(strategyId: $strategyId) {
    event cause status clientOrderId symbol filledAmount averageFillPrice lastFillAmount lastFillPrice
  }
}`;

function orderFilled(clientOrderId: string, strategyId: string): OrderEventV1 {
  return {
    event: 'filled',
    cause: 'paper',
    status: 'filled',
    sequence: 2,
    clientOrderId,
    exchangeOrderId: null,
    strategyId,
    symbol: 'BTC',
    side: 'bid',
    orderType: 'market',
    amount: '0.015',
    price: null,
    filledAmount: '0.015',
    averageFillPrice: '97000.5',
    lastFillAmount: '0.015',
    lastFillPrice: '97000.5',
    feeUsd: '0.58',
    reason: null,
    reduceOnly: false,
    paperTrading: true,
    eventAt: '2026-01-15T12:00:02.350Z',
  };
}

function whale(activityId: string, notionalUsd: string): WhaleDetectedV1 {
  return {
    activityId,
    symbol: 'BTC',
    side: 'bid',
    kind: 'single',
    priceLow: '97000',
    priceHigh: '97000',
    size: '5',
    notionalUsd,
    levels: 1,
    orderCount: 2,
    confidence: 0.8,
    firstSeenAt: '2026-01-15T11:59:40.000Z',
    lastSeenAt: '2026-01-15T11:59:55.000Z',
  };
}

// The api-gateway listening on a free port, with API_AUTH_REQUIRED=true and the memory
// transport: a message published on its bus reaches the subscribers as it would from Kafka.
describe('GraphQL subscriptions over graphql-ws (api-gateway)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexwave-graphql-ws-'));
  let database: EmbeddedTimescale;
  let app: INestApplication;
  let base: string;
  const clients: Client[] = [];

  function client(credential?: string): Client {
    const created = graphqlWsClient(base, credential);
    clients.push(created);
    return created;
  }

  beforeAll(async () => {
    database = await startMigratedDatabase(dataDir);
    const config = loadConfig('api-gateway', {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'silent',
      API_AUTH_REQUIRED: 'true',
      ADMIN_API_KEY: ADMIN_KEY,
      GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(MAX_SUBSCRIPTIONS),
    });
    app = await createApp(
      { name: 'api-gateway', title: 'api-gateway', module: ApiGatewayAppModule.forRoot },
      config,
    );
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    for (const each of clients) {
      await each.dispose();
    }
    await app?.close();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Publishes whales until the subscriber has one (it subscribes asynchronously). */
  async function publishUntilReceived<T>(
    publish: () => Promise<unknown>,
    received: Promise<T>,
  ): Promise<T> {
    let done = false;
    void received.finally(() => (done = true)).catch(() => undefined);
    const deadline = Date.now() + 30_000;
    while (!done && Date.now() < deadline) {
      await publish();
      await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    return received;
  }

  it('refuses a subscription without a credential, as a query', async () => {
    const reader = subscribe(client(), WHALE_SUBSCRIPTION);
    const result = await reader.next();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a subscription with an unknown key', async () => {
    const reader = subscribe(client(`nxk_fedcba9876543210_${'B'.repeat(43)}`), WHALE_SUBSCRIPTION);
    const result = await reader.next();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('sends each whale of whales.detected.v1 of at least minUsd to the subscriber', async () => {
    const reader = subscribe<{ whaleDetected: WhaleDetectedV1 }>(
      client(ADMIN_KEY),
      WHALE_SUBSCRIPTION,
      { minUsd: '400000' },
    );
    const bus = app.get(MessageBusPort);
    const small = '0194a5f0-3c00-7a1e-9b2c-5d6e7f800001';
    const large = '0194a5f0-3c00-7a1e-9b2c-5d6e7f800002';
    const first = await publishUntilReceived(async () => {
      await bus.publish(Topics.WhalesDetected, whale(small, '100000'));
      await bus.publish(Topics.WhalesDetected, whale(large, '485000'));
    }, reader.next());
    expect(first.errors).toBeUndefined();
    expect(first.data?.whaleDetected).toEqual({
      activityId: large,
      symbol: 'BTC',
      side: 'bid',
      kind: 'SINGLE',
      notionalUsd: '485000',
      levels: 1,
      confidence: 0.8,
    });
    await reader.close();
  });

  it('sends the fill of an order of orders.events.v1 to a subscriber of its strategy', async () => {
    const reader = subscribe<{ orderUpdated: Record<string, unknown> }>(
      client(ADMIN_KEY),
      ORDER_SUBSCRIPTION,
      { strategyId: 'mean-reversion' },
    );
    const bus = app.get(MessageBusPort);
    const other = '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a900';
    const ours = '3f1c9a2e-8b7d-4e6f-a5b4-c3d2e1f0a901';
    const first = await publishUntilReceived(async () => {
      await bus.publish(Topics.OrdersEvents, orderFilled(other, 'manual'));
      await bus.publish(Topics.OrdersEvents, orderFilled(ours, 'mean-reversion'));
    }, reader.next());
    expect(first.errors).toBeUndefined();
    expect(first.data?.orderUpdated).toEqual({
      event: 'filled',
      cause: 'paper',
      status: 'FILLED',
      clientOrderId: ours,
      symbol: 'BTC',
      filledAmount: '0.015',
      averageFillPrice: '97000.5',
      lastFillAmount: '0.015',
      lastFillPrice: '97000.5',
    });
    await reader.close();
  });

  it('serves only subscriptions: a query over WebSocket escapes no HTTP limit', async () => {
    const result = await subscribe(client(ADMIN_KEY), '{ whaleActivities { id } }').next();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('SUBSCRIPTIONS_ONLY');
  });

  it('refuses orderUpdated without a credential', async () => {
    const result = await subscribe(client(), ORDER_SUBSCRIPTION).next();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it(`refuses a subscription beyond ${MAX_SUBSCRIPTIONS} on one connection`, async () => {
    const shared = client(ADMIN_KEY);
    const readers = Array.from({ length: MAX_SUBSCRIPTIONS + 1 }, () =>
      subscribe(shared, WHALE_SUBSCRIPTION),
    );
    const refused = await readers[MAX_SUBSCRIPTIONS].next();
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_SUBSCRIPTIONS');
    // The others stay live: a whale still reaches the first.
    const bus = app.get(MessageBusPort);
    const id = '0194a5f0-3c00-7a1e-9b2c-5d6e7f800003';
    const received = await publishUntilReceived(
      () => bus.publish(Topics.WhalesDetected, whale(id, '500000')),
      readers[0].next(),
    );
    expect(received.data).toMatchObject({ whaleDetected: { activityId: id } });
    await Promise.all(readers.map((reader) => reader.close()));
  });
});
