import { INestApplication } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';

import { until } from '@nexwave/core/testing';
import {
  connectMessaging,
  InboxPort,
  MessageConsumer,
  MessagingModule,
  sealMessage,
  Topics,
  WhaleDetectedV1,
} from '@nexwave/messaging';

import whaleFixture from '../src/contracts/whales/fixtures/whale-detected.v1.json';
import { InMemoryInboxAdapter } from '../src/inbox/in-memory-inbox.adapter';
import { kafkaHarness, TransportHarness } from './transport-harness';

/** What one instance's handlers received. */
class Received {
  readonly live: string[] = [];
  readonly shared: string[] = [];
}

@MessageConsumer()
class WhaleConsumers {
  constructor(private readonly received: Received) {}

  @EventPattern(Topics.WhalesDetected, {
    consumer: 'live',
    idempotentBy: 'natural-key',
    delivery: 'every-instance',
  })
  onLive(@Payload() whale: WhaleDetectedV1): void {
    this.received.live.push(whale.activityId);
  }

  @EventPattern(Topics.WhalesDetected, { consumer: 'shared', idempotentBy: 'natural-key' })
  onShared(@Payload() whale: WhaleDetectedV1): void {
    this.received.shared.push(whale.activityId);
  }
}

// Two instances of one app (one consumer group): an every-instance handler runs on both for each
// message (GraphQL subscribers of each api-gateway), a group handler on one of them only.
describe('kafka every-instance delivery', () => {
  let harness: TransportHarness;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    harness = await kafkaHarness(process.env.KAFKA_BROKERS);
  });

  afterAll(async () => {
    for (const app of apps) {
      await app.close();
    }
    await harness.close();
  });

  const startInstance = async (received: Received): Promise<void> => {
    const moduleRef = await Test.createTestingModule({
      imports: [MessagingModule.forRoot(harness.moduleOptions('gateway'))],
      controllers: [WhaleConsumers],
      providers: [{ provide: Received, useValue: received }],
    })
      .overrideProvider(InboxPort)
      .useValue(new InMemoryInboxAdapter())
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    apps.push(app);
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
  };

  it('hands each message to every instance, and to one instance of the group', async () => {
    const first = new Received();
    const second = new Received();
    await startInstance(first);
    await startInstance(second);
    const ids = ['01', '02', '03', '04', '05', '06'].map(
      (n) => `0194a5f0-3c00-7a1e-9b2c-5d6e7f8000${n}`,
    );
    for (const activityId of ids) {
      // Symbols spread the whales over the partitions, so both group members get some.
      const whale = { ...whaleFixture.payload, activityId, symbol: `S${activityId.slice(-1)}` };
      const envelope = sealMessage(Topics.WhalesDetected, whale as WhaleDetectedV1, {});
      await harness.publishRaw(Topics.WhalesDetected, {
        key: envelope.key,
        value: JSON.stringify(envelope),
      });
    }
    await until(
      () => first.live.length === ids.length && second.live.length === ids.length,
      'each instance receiving every whale',
    );
    await until(
      () => first.shared.length + second.shared.length === ids.length,
      'the group receiving every whale',
    );
    expect([...first.live].sort()).toEqual(ids);
    expect([...second.live].sort()).toEqual(ids);
    expect([...first.shared, ...second.shared].sort()).toEqual(ids);
  });
});
