import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';

import { until } from '@nexwave/core/testing';
import {
  connectMessaging,
  InboxPort,
  MessageConsumer,
  MessagingModule,
  OrderRequestV1,
  RetriableError,
  sealMessage,
  Topics,
} from '@nexwave/messaging';

import requestFixture from '../src/contracts/orders/fixtures/order-request.v1.json';
import { InMemoryInboxAdapter } from '../src/inbox/in-memory-inbox.adapter';
import { kafkaHarness, TransportHarness } from './transport-harness';

/** What one app's handler does: fail retriably (into a long backoff) or record the request. */
class Attempts {
  readonly handled: string[] = [];
  attempts = 0;

  constructor(readonly failing: boolean) {}
}

@MessageConsumer()
class OrderRequestsConsumer {
  constructor(private readonly attempts: Attempts) {}

  @EventPattern(Topics.OrdersRequests)
  onRequest(@Payload() request: OrderRequestV1): Promise<void> {
    this.attempts.attempts += 1;
    if (this.attempts.failing) {
      return Promise.reject(new RetriableError('exchange unavailable'));
    }
    this.attempts.handled.push(request.clientOrderId);
    return Promise.resolve();
  }
}

describe('kafka consumer closed while a handler waits to retry', () => {
  let harness: TransportHarness;
  const inbox = new InMemoryInboxAdapter();

  beforeAll(async () => {
    harness = await kafkaHarness(process.env.KAFKA_BROKERS);
  });

  afterAll(async () => {
    await harness.close();
  });

  const startConsumerApp = async (attempts: Attempts): Promise<INestApplication> => {
    const options = harness.moduleOptions('shutdown');
    const moduleRef = await Test.createTestingModule({
      // A backoff far longer than the test: only closing the app can end it.
      imports: [
        MessagingModule.forRoot({
          ...options,
          retry: { maxAttempts: 5, baseDelayMs: 600_000, maxDelayMs: 600_000 },
        }),
      ],
      controllers: [OrderRequestsConsumer],
      providers: [{ provide: Attempts, useValue: attempts }],
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

  it('redelivers the record to the next consumer of the group (fails if the consumer commits the offset when a retry is abandoned at shutdown)', async () => {
    const clientOrderId = randomUUID();
    const payload = { ...requestFixture.payload, clientOrderId } as OrderRequestV1;
    const envelope = sealMessage(Topics.OrdersRequests, payload, {});
    await harness.publishRaw(Topics.OrdersRequests, {
      key: envelope.key,
      value: JSON.stringify(envelope),
    });

    const failing = new Attempts(true);
    const first = await startConsumerApp(failing);
    await until(() => failing.attempts === 1, 'the first app trying the request');
    await first.close();

    const healthy = new Attempts(false);
    const second = await startConsumerApp(healthy);
    try {
      await until(
        () => healthy.handled.length === 1,
        'the request redelivered (its offset not committed)',
      );
    } finally {
      await second.close();
    }
    expect(failing.attempts).toBe(1);
    expect(healthy.handled).toEqual([clientOrderId]);
  });
});
