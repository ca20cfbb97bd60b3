import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import bs58 from 'bs58';
import { Registry } from 'prom-client';

import { loadConfig } from '@nexwave/config';
import {
  encodeStreamEntry,
  MessageBusPort,
  StreamFamilies,
  StreamPort,
  Topics,
  type Envelope,
  type OrderEventV1,
  type OrderRequestV1,
} from '@nexwave/messaging';
import { InMemoryBroker } from '@nexwave/messaging/testing';
import type { PacificaSim } from '@nexwave/pacifica-sim/testing';
import { createApp } from '@nexwave/platform';

import { OrderManagementAppModule } from '../../apps/order-management/src/order-management-app.module';
import { KafkaTopics } from '../../test/support/kafka-topics';

export type BenchExchange = 'paper' | 'simulator';
export type BenchTransport = 'memory' | 'kafka';

export interface OrdersAppSetup {
  readonly exchange: BenchExchange;
  readonly transport: BenchTransport;
  readonly databaseUrl: string;
  readonly sim: PacificaSim;
  /** Brokers of a Kafka test broker of this run (transport kafka). */
  readonly kafkaBrokers?: string[];
}

/**
 * apps/order-management's module in this process, as a strategy sees it: requests go in through
 * the app's MessageBusPort, `orders.events.v1` comes out of the transport (the in-memory broker,
 * or a Kafka consumer of the topic). The paper exchange reads a steady BTC book written here.
 */
export class OrdersApp {
  /** Called with each event's clientOrderId and event type, when it arrives. */
  onEvent: (clientOrderId: string, event: OrderEventV1['event']) => void = () => undefined;

  private constructor(
    private readonly app: INestApplication,
    private readonly stops: (() => Promise<void> | void)[],
  ) {}

  static async start(setup: OrdersAppSetup): Promise<OrdersApp> {
    const config = loadConfig('order-management', {
      DATABASE_URL: setup.databaseUrl,
      DATABASE_POOL_SIZE: '1',
      LOG_LEVEL: 'error',
      TRANSPORT: setup.transport,
      KAFKA_BROKERS: setup.kafkaBrokers?.join(','),
      PACIFICA_API_URL: setup.sim.url,
      PACIFICA_WS_URL: setup.sim.wsUrl,
      SYMBOLS: 'BTC',
      PAPER_TRADING: String(setup.exchange === 'paper'),
      ...(setup.exchange === 'simulator' && {
        // A fresh account: the simulator funds every key it has not seen.
        PACIFICA_AGENT_WALLET_PRIVKEY: bs58.encode(randomBytes(32)),
        // Any key: the SDK's credit limiter then allows 300 credits a minute instead of 125.
        PACIFICA_API_KEY: 'bench',
      }),
    });
    const app = await createApp(
      {
        name: 'order-management',
        title: 'bench',
        module: (appConfig) => OrderManagementAppModule.forRoot(appConfig),
      },
      config,
    );
    await app.startAllMicroservices();
    await app.init();
    const stops: (() => Promise<void> | void)[] = [];
    const orders = new OrdersApp(app, stops);
    const deliver = (envelope: Envelope<OrderEventV1>) =>
      orders.onEvent(envelope.payload.clientOrderId, envelope.payload.event);
    if (setup.transport === 'memory') {
      stops.push(
        app.get(InMemoryBroker).subscribe(Topics.OrdersEvents, (record) => {
          deliver(JSON.parse(record.value) as Envelope<OrderEventV1>);
          return Promise.resolve();
        }),
      );
    } else {
      const topics = await KafkaTopics.connect(setup.kafkaBrokers ?? [], 60_000);
      stops.push(() => topics.close());
      await topics.watch<OrderEventV1>(Topics.OrdersEvents, deliver);
    }
    if (setup.exchange === 'paper') {
      stops.push(feedBook(app.get(StreamPort)));
    }
    return orders;
  }

  /** Publishes the request; resolves to when it was sent (performance.now()). */
  async send(request: OrderRequestV1): Promise<number> {
    const sentAt = performance.now();
    await this.app.get(MessageBusPort).publish(Topics.OrdersRequests, request);
    return sentAt;
  }

  /** Statements run so far and their time (ms), each from the query call to its result. */
  async databaseStatements(): Promise<{ count: number; ms: number }> {
    const metric = this.app.get(Registry).getSingleMetric('nexwave_db_query_duration_seconds');
    const { values } = (await metric?.get()) ?? { values: [] };
    const total = (name: string) =>
      (values as { metricName?: string; value: number }[])
        .filter((value) => value.metricName === name)
        .reduce((sum, v) => sum + v.value, 0);
    return {
      count: total('nexwave_db_query_duration_seconds_count'),
      ms: total('nexwave_db_query_duration_seconds_sum') * 1000,
    };
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.reverse()) {
      await stop();
    }
    await this.app.close();
  }
}

/** Writes a deep BTC book around 60 000 every 250 ms (the paper exchange wants a fresh one). */
function feedBook(streams: StreamPort): () => void {
  const levels = (from: number, step: number) =>
    Array.from({ length: 10 }, (_, i) => ({
      price: String(from + i * step),
      amount: '5',
      orders: 3,
      notionalUsd: String((from + i * step) * 5),
    }));
  const write = () => {
    const { stream, fields } = encodeStreamEntry(StreamFamilies.OrderBook, {
      symbol: 'BTC',
      time: new Date().toISOString(),
      bids: levels(59_999, -1),
      asks: levels(60_001, 1),
    });
    void streams.append(stream, fields);
  };
  write();
  const timer = setInterval(write, 250);
  return () => clearInterval(timer);
}
