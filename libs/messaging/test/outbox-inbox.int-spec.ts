import { randomUUID } from 'node:crypto';
import { DynamicModule, Global, Injectable, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import { until } from '@nexwave/core/testing';
import { startTestDatabase, TestDatabase } from '@nexwave/database/testing';
import {
  connectMessaging,
  createEnvelope,
  Envelope,
  MessageConsumer,
  MessageContext,
  MessagingModule,
  OrderRequestV1,
  OutboxWriter,
  Topic,
  Topics,
  WhaleDetectedV1,
} from '@nexwave/messaging';
import { InMemoryBroker, MessageRecorder } from '@nexwave/messaging/testing';

import { ClientProxyMessageBus } from '../src/client-proxy-message-bus.adapter';
import requestFixture from '../src/contracts/orders/fixtures/order-request.v1.json';
import whaleFixture from '../src/contracts/whales/fixtures/whale-detected.v1.json';
import { inboxEntityManager, TypeOrmInboxAdapter } from '../src/inbox/typeorm-inbox.adapter';
import { MemoryClientProxy } from '../src/memory/memory.client';
import { MESSAGING_ENTITIES } from '../src/messaging.entities';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { HeldBus } from './held-bus';

const whale = (notionalUsd: string): WhaleDetectedV1 =>
  ({ ...whaleFixture.payload, notionalUsd }) as WhaleDetectedV1;

/** The real memory transport, with a switch to make the next sends fail like a broker outage. */
class SwitchableBus extends ClientProxyMessageBus {
  failing = 0;

  protected override async send(topic: Topic, envelope: Envelope): Promise<void> {
    if (this.failing > 0) {
      this.failing--;
      throw new Error('broker unavailable');
    }
    await super.send(topic, envelope);
  }
}

async function writeWhales(dataSource: DataSource, notionals: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const notional of notionals) {
    const envelope = await dataSource.transaction((manager) =>
      new OutboxWriter().write(manager, Topics.WhalesDetected, whale(notional)),
    );
    ids.push(envelope.id);
  }
  return ids;
}

async function count(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${sql}`, params);
  return Number(row.n);
}

describe('outbox and inbox on the embedded TimescaleDB', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    db = await startTestDatabase();
  });

  afterAll(async () => {
    await db.stop();
  });

  beforeEach(async () => {
    dataSource = await db.freshDataSource({ entities: MESSAGING_ENTITIES });
  });

  it('commits a state change and its outbox row together, or neither', async () => {
    const envelope = await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO circuit_breaker_state (name, state) VALUES ('a', 'halted')`);
      return writer.write(manager, Topics.WhalesDetected, whale('1000000'));
    });
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO circuit_breaker_state (name, state) VALUES ('b', 'halted')`,
        );
        await writer.write(manager, Topics.WhalesDetected, whale('2000000'));
        throw new Error('the handler failed after writing');
      }),
    ).rejects.toThrow('the handler failed after writing');

    expect(await count(dataSource, 'circuit_breaker_state')).toBe(1);
    const rows = await dataSource.query<{ id: string; key: string; envelope: Envelope }[]>(
      `SELECT id, key, envelope FROM outbox_messages`,
    );
    expect(rows).toEqual([{ id: envelope.id, key: 'BTC', envelope }]);
  });

  it('refuses an invalid payload before writing anything', async () => {
    await expect(
      dataSource.transaction((manager) =>
        writer.write(manager, Topics.WhalesDetected, { ...whale('1'), confidence: 7 }),
      ),
    ).rejects.toThrow(/confidence/);
    expect(await count(dataSource, 'outbox_messages')).toBe(0);
  });

  it('relays each row once, in order, and retries a failed send next round', async () => {
    const broker = new InMemoryBroker();
    const bus = new SwitchableBus(new MemoryClientProxy(broker), 1_000);
    const relay = new OutboxRelay(dataSource, bus, { batchSize: 2 });
    const recorder = new MessageRecorder<WhaleDetectedV1>(broker, Topics.WhalesDetected);
    const written: string[] = [];
    for (const notional of ['1', '2', '3', '4', '5']) {
      written.push(
        (
          await dataSource.transaction((m) =>
            writer.write(m, Topics.WhalesDetected, whale(notional)),
          )
        ).id,
      );
    }

    expect(await relay.runOnce()).toEqual({ published: 2, failed: false });
    bus.failing = 1;
    expect(await relay.runOnce()).toEqual({ published: 0, failed: true });
    expect(await relay.runOnce()).toEqual({ published: 2, failed: false });
    expect(await relay.runOnce()).toEqual({ published: 1, failed: false });
    expect(await relay.runOnce()).toEqual({ published: 0, failed: false });
    await broker.idle();

    expect(recorder.messages.map((message) => message.id)).toEqual(written);
    const rows = await dataSource.query<{ attempts: number; last_error: string | null }[]>(
      `SELECT attempts, last_error FROM outbox_messages ORDER BY position`,
    );
    expect(rows.map((row) => row.attempts)).toEqual([1, 1, 2, 1, 1]);
    expect(rows.every((row) => row.last_error === null)).toBe(true);
    expect(await count(dataSource, 'outbox_messages WHERE published_at IS NULL')).toBe(0);
    recorder.close();
  });

  it('publishes a row once its transaction commits in this process, without waiting for the poll', async () => {
    const broker = new InMemoryBroker();
    const bus = new ClientProxyMessageBus(new MemoryClientProxy(broker), 1_000);
    const relay = new OutboxRelay(dataSource, bus, { intervalMs: 600_000 });
    const recorder = new MessageRecorder<WhaleDetectedV1>(broker, Topics.WhalesDetected);
    const [seed] = await writeWhales(dataSource, ['1']);
    relay.onApplicationBootstrap();
    // The first round publishes the row written before the start; the next poll is 10 min away.
    await until(() => Promise.resolve(recorder.messages.length === 1), 'the first round', {
      timeoutMs: 60_000,
    });

    const [committed] = await writeWhales(dataSource, ['2']);
    await until(
      () => Promise.resolve(recorder.messages.length === 2),
      'the committed row published',
      { timeoutMs: 60_000 },
    );
    await relay.beforeApplicationShutdown();

    expect(recorder.messages.map((message) => message.id)).toEqual([seed, committed]);
    recorder.close();
  });

  it('keeps a second relay off the rows a first one holds a live lease on while it publishes', async () => {
    const broker = new InMemoryBroker();
    const held = new HeldBus(new MemoryClientProxy(broker), 1_000);
    const first = new OutboxRelay(dataSource, held);
    const second = new OutboxRelay(
      dataSource,
      new ClientProxyMessageBus(new MemoryClientProxy(broker), 1_000),
    );
    const recorder = new MessageRecorder<WhaleDetectedV1>(broker, Topics.WhalesDetected);
    const written = await writeWhales(dataSource, ['1', '2', '3']);

    const publishing = first.runOnce();
    await until(() => Promise.resolve(held.held > 0), 'the first relay publishing', {
      timeoutMs: 60_000,
    });
    expect(await second.runOnce()).toEqual({ published: 0, failed: false });
    held.release();
    expect(await publishing).toEqual({ published: 3, failed: false });
    expect(await second.runOnce()).toEqual({ published: 0, failed: false });
    await broker.idle();

    expect(recorder.messages.map((message) => message.id)).toEqual(written);
    expect(
      await count(
        dataSource,
        'outbox_messages WHERE published_at IS NULL OR claimed_by IS NOT NULL',
      ),
    ).toBe(0);
    recorder.close();
  });

  it('publishes again, once, what a relay sent but died before marking, and the inbox runs it once', async () => {
    const broker = new InMemoryBroker();
    const dying = new HeldBus(new MemoryClientProxy(broker), 1_000);
    const dead = new OutboxRelay(dataSource, dying, { leaseMs: 200 });
    const survivor = new OutboxRelay(
      dataSource,
      new ClientProxyMessageBus(new MemoryClientProxy(broker), 1_000),
    );
    const recorder = new MessageRecorder<WhaleDetectedV1>(broker, Topics.WhalesDetected);
    const written = await writeWhales(dataSource, ['1', '2']);

    const abandoned = dead.runOnce();
    await until(
      () => Promise.resolve(dying.held > 0),
      'the first message sent by the relay that dies',
      { timeoutMs: 60_000 },
    );
    await until(
      async () => {
        await survivor.runOnce();
        return (await count(dataSource, 'outbox_messages WHERE published_at IS NULL')) === 0;
      },
      'its lease running out and the rows published again',
      { timeoutMs: 60_000 },
    );
    expect(await survivor.runOnce()).toEqual({ published: 0, failed: false });
    await broker.idle();

    const delivered = recorder.messages.map((message) => message.id);
    expect(delivered).toEqual([written[0], ...written]);
    const inbox = new TypeOrmInboxAdapter(dataSource);
    const outcomes = [];
    for (const id of delivered) {
      outcomes.push(await inbox.runOnce('whales-consumer', id, () => Promise.resolve()));
    }
    expect(outcomes).toEqual(['handled', 'duplicate', 'handled']);
    dying.release();
    await abandoned;
    recorder.close();
  });

  it('runs the work once per (consumer, message id) and records nothing when it fails', async () => {
    const inbox = new TypeOrmInboxAdapter(dataSource);
    const id = randomUUID();
    const write = (name: string) => async (manager: unknown) => {
      await (manager as DataSource['manager']).query(
        `INSERT INTO circuit_breaker_state (name, state) VALUES ($1, 'closed')`,
        [name],
      );
    };

    await expect(
      inbox.runOnce('orders', id, async (manager) => {
        await write('failed')(manager);
        throw new Error('crashed mid-handler');
      }),
    ).rejects.toThrow('crashed mid-handler');
    expect(await inbox.runOnce('orders', id, write('first'))).toBe('handled');
    expect(await inbox.runOnce('orders', id, write('second'))).toBe('duplicate');
    expect(await inbox.runOnce('risk', id, write('other-consumer'))).toBe('handled');

    const names = await dataSource.query<{ name: string }[]>(
      `SELECT name FROM circuit_breaker_state ORDER BY name`,
    );
    expect(names.map((row) => row.name)).toEqual(['first', 'other-consumer']);
    expect(await count(dataSource, 'inbox_messages')).toBe(2);
  });

  it('lets a Nest handler write in the inbox transaction and drops a redelivered message', async () => {
    @Injectable()
    class Seen {
      count = 0;
    }

    @MessageConsumer()
    class OrdersConsumer {
      constructor(private readonly seen: Seen) {}

      @EventPattern(Topics.OrdersRequests)
      async onRequest(@Payload() request: OrderRequestV1, @Ctx() context: MessageContext) {
        this.seen.count++;
        await inboxEntityManager(context).query(
          `INSERT INTO circuit_breaker_state (name, state) VALUES ($1, 'closed')`,
          [request.clientOrderId],
        );
      }
    }

    @Global()
    @Module({})
    class TestDataSourceModule {
      static with(source: DataSource): DynamicModule {
        const provider = { provide: DataSource, useValue: source };
        return { module: TestDataSourceModule, providers: [provider], exports: [provider] };
      }
    }

    const moduleRef = await Test.createTestingModule({
      imports: [
        TestDataSourceModule.with(dataSource),
        MessagingModule.forRoot({
          transport: 'memory',
          group: 'order-management',
          inbox: 'database',
        }),
      ],
      controllers: [OrdersConsumer],
      providers: [Seen],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    const broker = app.get(InMemoryBroker);
    const cloid = randomUUID();
    const payload = { ...requestFixture.payload, clientOrderId: cloid } as OrderRequestV1;
    const envelope = createEnvelope({ type: 'orders.requests', v: 1, key: cloid, payload });
    const record = { key: cloid, value: JSON.stringify(envelope) };

    broker.publish(Topics.OrdersRequests, record);
    broker.publish(Topics.OrdersRequests, record);
    await broker.idle();
    await app.close();

    expect(app.get(Seen).count).toBe(1);
    expect(await count(dataSource, 'circuit_breaker_state WHERE name = $1', [cloid])).toBe(1);
    expect(
      await count(dataSource, 'inbox_messages WHERE consumer = $1', ['order-management']),
    ).toBe(1);
  });

  it('runs a natural-key handler outside the inbox, so it may open its own transaction', async () => {
    await dataSource.query(`CREATE TABLE requests_seen (client_order_id text)`);

    @MessageConsumer()
    class NaturalKeyConsumer {
      // Idempotent by clientOrderId in real code; here it records every delivery it gets.
      @EventPattern(Topics.OrdersRequests, { idempotentBy: 'natural-key' })
      async onRequest(@Payload() request: OrderRequestV1) {
        // Inside the inbox's transaction this would wait forever for the one embedded connection.
        await dataSource.transaction((manager) =>
          manager.query(`INSERT INTO requests_seen VALUES ($1)`, [request.clientOrderId]),
        );
      }
    }

    @Global()
    @Module({})
    class TestDataSourceModule {
      static with(source: DataSource): DynamicModule {
        const provider = { provide: DataSource, useValue: source };
        return { module: TestDataSourceModule, providers: [provider], exports: [provider] };
      }
    }

    const moduleRef = await Test.createTestingModule({
      imports: [
        TestDataSourceModule.with(dataSource),
        MessagingModule.forRoot({
          transport: 'memory',
          group: 'order-management',
          inbox: 'database',
        }),
      ],
      controllers: [NaturalKeyConsumer],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.init();
    const broker = app.get(InMemoryBroker);
    const cloid = randomUUID();
    const payload = { ...requestFixture.payload, clientOrderId: cloid } as OrderRequestV1;
    const envelope = createEnvelope({ type: 'orders.requests', v: 1, key: cloid, payload });
    const record = { key: cloid, value: JSON.stringify(envelope) };

    broker.publish(Topics.OrdersRequests, record);
    broker.publish(Topics.OrdersRequests, record);
    await broker.idle();
    await app.close();

    expect(await count(dataSource, 'requests_seen WHERE client_order_id = $1', [cloid])).toBe(2);
    expect(await count(dataSource, 'inbox_messages')).toBe(0);
  });
});
