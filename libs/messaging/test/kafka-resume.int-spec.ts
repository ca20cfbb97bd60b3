import { randomUUID } from 'node:crypto';
import { INestApplication, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';

import {
  connectMessaging,
  InboxPort,
  MessageConsumer,
  MessageContext,
  MessagingMetrics,
  MessagingModule,
  OrderRequestV1,
  sealMessage,
  Topics,
} from '@nexwave/messaging';

import requestFixture from '../src/contracts/orders/fixtures/order-request.v1.json';
import { InMemoryInboxAdapter } from '../src/inbox/in-memory-inbox.adapter';
import { kafkaHarness, TransportHarness } from './transport-harness';

@Injectable()
class Handled {
  readonly ids: string[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  add(id: string): void {
    this.ids.push(id);
    this.waiters = this.waiters.filter((w) => this.ids.length < w.count || (w.resolve(), false));
  }

  waitFor(count: number): Promise<void> {
    return this.ids.length >= count
      ? Promise.resolve()
      : new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

@MessageConsumer()
class OrderRequestsConsumer {
  constructor(private readonly handled: Handled) {}

  @EventPattern(Topics.OrdersRequests)
  async onRequest(
    @Payload() request: OrderRequestV1,
    @Ctx() context: MessageContext,
  ): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.handled.add(`${request.clientOrderId}/${context.getEnvelope().id}`);
  }
}

describe('kafka consumer restarted mid-stream', () => {
  let harness: TransportHarness;
  // Stands in for the database inbox, which outlives an app instance.
  const inbox = new InMemoryInboxAdapter();

  beforeAll(async () => {
    harness = await kafkaHarness(process.env.KAFKA_BROKERS);
  });

  afterAll(async () => {
    await harness.close();
  });

  const startConsumerApp = async (): Promise<INestApplication> => {
    const moduleRef = await Test.createTestingModule({
      imports: [MessagingModule.forRoot(harness.moduleOptions('resume'))],
      controllers: [OrderRequestsConsumer],
      providers: [Handled],
    })
      .overrideProvider(InboxPort)
      .useValue(inbox)
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    return app;
  };

  const produce = async (count: number, into: string[]): Promise<void> => {
    for (let i = 0; i < count; i++) {
      const clientOrderId: string = randomUUID();
      const payload = { ...requestFixture.payload, clientOrderId } as OrderRequestV1;
      const envelope = sealMessage(Topics.OrdersRequests, payload, {});
      into.push(`${clientOrderId}/${envelope.id}`);
      await harness.publishRaw(Topics.OrdersRequests, {
        key: envelope.key,
        value: JSON.stringify(envelope),
      });
    }
  };

  it('resumes from the committed offset: nothing lost, nothing handled twice', async () => {
    const published: string[] = [];
    await produce(10, published);
    const first = await startConsumerApp();
    const firstHandled = first.get(Handled);
    await firstHandled.waitFor(5);
    const producing = produce(20, published);
    await first.close();

    await producing;
    const second = await startConsumerApp();
    const secondHandled = second.get(Handled);
    const rest = published.length - firstHandled.ids.length;
    await secondHandled.waitFor(rest);
    const duplicates = await second.get(MessagingMetrics).duplicates.get();
    await second.close();

    expect(firstHandled.ids.length).toBeGreaterThanOrEqual(5);
    expect(secondHandled.ids.length).toBeGreaterThan(0);
    expect([...firstHandled.ids, ...secondHandled.ids].sort()).toEqual([...published].sort());
    // Redelivered records (resolved but not yet committed) would be counted here and dropped.
    expect(duplicates.values.reduce((sum, sample) => sum + sample.value, 0)).toBe(0);
  });
});
