import { randomUUID } from 'node:crypto';
import { INestApplication, Injectable } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';

import {
  connectMessaging,
  MessageConsumer,
  MessagingModule,
  OrderRequestV1,
  sealMessage,
  Topics,
} from '@nexwave/messaging';

import { parseMetrics, total, type Scrape } from '../../../test/support/metrics-scrape';
import requestFixture from '../src/contracts/orders/fixtures/order-request.v1.json';
import { kafkaHarness, TransportHarness } from './transport-harness';

/** Holds every request in its handler until released, so nothing is committed meanwhile. */
@Injectable()
class Gate {
  handled = 0;
  private release!: () => void;
  readonly open = new Promise<void>((resolve) => (this.release = resolve));

  pass(): void {
    this.release();
  }
}

@MessageConsumer()
class HeldRequestsConsumer {
  constructor(private readonly gate: Gate) {}

  @EventPattern(Topics.OrdersRequests)
  async onRequest(@Payload() _request: OrderRequestV1): Promise<void> {
    await this.gate.open;
    this.gate.handled++;
  }
}

// The Kafka gauges read on scrape through the admin client, against the test broker: the group's
// lag is what it has not committed, the dead-letter gauge what the topic's .dlq holds.
describe('Kafka consumer lag and dead letters, read at scrape', () => {
  let harness: TransportHarness;
  let app: INestApplication;
  let group: string;
  const registry = new Registry();

  const scrape = async (): Promise<Scrape> => parseMetrics(await registry.metrics());

  async function until(what: string, holds: (metrics: Scrape) => boolean): Promise<Scrape> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const metrics = await scrape();
      if (holds(metrics)) {
        return metrics;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    harness = await kafkaHarness();
    const options = { ...harness.moduleOptions('lag'), metricsRegistry: registry };
    group = options.group;
    const moduleRef = await Test.createTestingModule({
      imports: [MessagingModule.forRoot(options)],
      controllers: [HeldRequestsConsumer],
      providers: [Gate],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
  }, 60_000);

  afterAll(async () => {
    app.get(Gate).pass();
    await app?.close();
    await harness?.close();
  });

  const lag = (metrics: Scrape) =>
    total(metrics, 'nexwave_kafka_consumer_lag_messages', {
      topic: Topics.OrdersRequests,
      group,
    });
  const deadLetters = (metrics: Scrape) =>
    total(metrics, 'nexwave_kafka_dead_letter_messages', { topic: Topics.OrdersRequests });

  it('counts the uncommitted messages of the group, then none once handled', async () => {
    for (let i = 0; i < 5; i++) {
      const payload = { ...requestFixture.payload, clientOrderId: randomUUID() } as OrderRequestV1;
      const envelope = sealMessage(Topics.OrdersRequests, payload, {});
      await harness.publishRaw(Topics.OrdersRequests, {
        key: envelope.key,
        value: JSON.stringify(envelope),
      });
    }

    const held = await until('the lag of 5', (metrics) => lag(metrics) === 5);
    expect(deadLetters(held)).toBe(0);
    app.get(Gate).pass();
    await until('the lag to drain', (metrics) => lag(metrics) === 0);
    expect(app.get(Gate).handled).toBe(5);
  });

  it('counts a malformed message in the dead-letter topic', async () => {
    await harness.publishRaw(Topics.OrdersRequests, { key: 'poison', value: 'not json' });

    const dead = await until('one dead letter', (metrics) => deadLetters(metrics) === 1);
    expect(
      total(dead, 'nexwave_messages_dead_lettered_total', { topic: Topics.OrdersRequests }),
    ).toBe(1);
    await until('the lag to drain', (metrics) => lag(metrics) === 0);
  });
});
