import { Global, Module, type INestApplication, type ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { ConfigModule, loadConfig } from '@nexwave/config';
import { until } from '@nexwave/core/testing';
import {
  connectMessaging,
  MessagingModule,
  Topics,
  type Envelope,
  type OrderEventV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';
import { PacificaEndpointsModule } from '@nexwave/pacifica';
import type { PacificaSim } from '@nexwave/pacifica-sim/testing';
import { StrategyModule } from '@nexwave/strategy';

const UNPUBLISHED = `SELECT 1 FROM outbox_messages WHERE published_at IS NULL`;

export interface EngineAppOptions {
  dataSource: DataSource;
  sim: PacificaSim;
  /** The trading-engine app's environment (STRATEGY_ID, SYMBOLS, ...). */
  env: Record<string, string>;
  /** The context modules, after config, database, the simulator's endpoints and messaging. */
  modules?: ModuleMetadata['imports'];
  /** Replaces providers before compiling (a fixed clock). */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Runs on the created app before its messaging starts (a risk stand-in, subscriptions). */
  beforeStart?: (app: INestApplication) => void;
}

/**
 * The strategy engine as the trading-engine app wires it, on the test's embedded database and the
 * memory transport, started: messaging connected, microservices and the app initialised.
 */
export async function startEngineApp(options: EngineAppOptions): Promise<INestApplication> {
  const { dataSource, sim, env, modules = [StrategyModule] } = options;
  const builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(loadConfig('trading-engine', env)),
      dataSourceModule(dataSource),
      PacificaEndpointsModule.forRoot({ restUrl: sim.url, wsUrl: sim.wsUrl, simulated: true }),
      MessagingModule.forRoot({
        transport: 'memory',
        group: 'trading-engine',
        inbox: 'database',
        outbox: { relayIntervalMs: 20 },
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      }),
      ...modules,
    ],
  });
  const moduleRef = await (options.override?.(builder) ?? builder).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  options.beforeStart?.(app);
  connectMessaging(app);
  await app.startAllMicroservices();
  await app.init();
  return app;
}

/** A global module providing the test's DataSource, as DatabaseModule does in the apps. */
export function dataSourceModule(dataSource: DataSource) {
  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class TestDataSourceModule {}
  return TestDataSourceModule;
}

/** Collects into `requests` the order requests the app publishes from now on. */
export function collectOrderRequests(
  app: INestApplication,
  requests: OrderRequestV1[] = [],
): OrderRequestV1[] {
  app.get(InMemoryBroker).subscribe(Topics.OrdersRequests, (record) => {
    requests.push((JSON.parse(record.value) as Envelope<OrderRequestV1>).payload);
    return Promise.resolve();
  });
  return requests;
}

/** The paper fill of the whole of `order` at `price`, fee 5 USD, as order management reports it. */
export function paperFill(order: OrderRequestV1, price: string, eventAt: Date): OrderEventV1 {
  return {
    ...order,
    event: 'filled',
    cause: 'paper',
    status: 'filled',
    sequence: 2,
    exchangeOrderId: null,
    price: null,
    filledAmount: order.amount,
    averageFillPrice: price,
    lastFillAmount: order.amount,
    lastFillPrice: price,
    feeUsd: '5',
    reason: null,
    eventAt: eventAt.toISOString(),
  };
}

/** Every message handled, the outbox relayed, and what it relayed handled too. */
export async function settled(app: INestApplication): Promise<void> {
  const broker = app.get(InMemoryBroker);
  await broker.idle();
  await until(
    async () => (await app.get(DataSource).query<unknown[]>(UNPUBLISHED)).length === 0,
    'the outbox to drain',
  );
  await broker.idle();
}
