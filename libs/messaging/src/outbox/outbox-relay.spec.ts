import { Logger } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';

import { createEnvelope, Envelope } from '../envelope';
import { MessageBusPort } from '../message-bus.port';
import {
  CLAIM_OUTBOX_MESSAGES,
  COUNT_OUTBOX_BACKLOG,
  MARK_OUTBOX_MESSAGES_PUBLISHED,
  RECORD_OUTBOX_SEND_FAILURE,
  RELEASE_OUTBOX_MESSAGES,
} from '../messaging.sql';
import { Topic, Topics } from '../topics';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';

interface Row {
  id: string;
  position: string;
  topic: string;
  envelope: Envelope;
}

function row(id: string, position: string, topic: string = Topics.OrdersEvents): Row {
  return {
    id,
    position,
    topic,
    envelope: createEnvelope({ type: 't', v: 1, key: id, payload: {} }),
  };
}

const STATEMENTS = new Map<string, string>([
  [CLAIM_OUTBOX_MESSAGES, 'claim'],
  [MARK_OUTBOX_MESSAGES_PUBLISHED, 'mark'],
  [RECORD_OUTBOX_SEND_FAILURE, 'failure'],
  [RELEASE_OUTBOX_MESSAGES, 'release'],
  [COUNT_OUTBOX_BACKLOG, 'backlog'],
]);

/**
 * The relay's statements are tested against the database by outbox-inbox.int-spec.ts; here the
 * database answers each claim with the next scripted batch and records what the relay asked.
 */
class ScriptedDatabase {
  readonly statements: [string, unknown[]][] = [];
  backlogRows: { backlog: number }[] = [];
  readonly subscribers: EntitySubscriberInterface[] = [];

  constructor(private readonly claims: Row[][]) {}

  query(sql: string, parameters: unknown[] = []): Promise<unknown> {
    const name = STATEMENTS.get(sql) ?? sql;
    this.statements.push([name, parameters]);
    if (name === 'claim') {
      const rows = this.claims.shift() ?? [];
      return Promise.resolve([rows, rows.length]);
    }
    return Promise.resolve(name === 'backlog' ? this.backlogRows : []);
  }

  /** What TypeORM tells its subscribers when a transaction of OutboxWriter's commits. */
  commitOutboxRows({ nested = false } = {}): void {
    const queryRunner = { isTransactionActive: nested, data: { outboxWritten: true } };
    for (const subscriber of this.subscribers) {
      void subscriber.afterTransactionCommit?.({
        queryRunner: queryRunner as unknown as QueryRunner,
      } as never);
    }
  }

  named(name: string): unknown[][] {
    return this.statements.filter(([each]) => each === name).map(([, parameters]) => parameters);
  }
}

class RecordingBus {
  readonly sent: [Topic, Envelope][] = [];
  failOn = new Map<string, unknown>();

  relay(topic: Topic, envelope: Envelope): Promise<void> {
    const failure = this.failOn.get(envelope.key);
    if (failure !== undefined) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a transport may reject with anything
      return Promise.reject(failure);
    }
    this.sent.push([topic, envelope]);
    return Promise.resolve();
  }
}

function relayOver(claims: Row[][], options?: OutboxRelayOptions) {
  const database = new ScriptedDatabase(claims);
  const bus = new RecordingBus();
  const relay = new OutboxRelay(
    database as unknown as DataSource,
    bus as unknown as MessageBusPort,
    options,
  );
  return { database, bus, relay };
}

describe('OutboxRelay round', () => {
  it('publishes the claimed rows by position (a number, not text) and marks them published', async () => {
    const rows = [row('c', '10'), row('a', '9'), row('b', '9007199254740993'), row('d', '100')];
    const { database, bus, relay } = relayOver([rows]);

    await expect(relay.runOnce()).resolves.toEqual({ published: 4, failed: false });

    expect(bus.sent.map(([, envelope]) => envelope.key)).toEqual(['a', 'c', 'd', 'b']);
    const a = rows.find(({ id }) => id === 'a');
    expect(bus.sent[0]).toEqual([a?.topic, a?.envelope]);
    expect(database.named('mark')).toEqual([[['a', 'c', 'd', 'b']]]);
    expect(database.named('release')).toEqual([]);
    expect(database.named('failure')).toEqual([]);
  });

  it('claims 100 rows for 60 s by default, under one claimer id per relay', async () => {
    const { database, relay } = relayOver([]);
    await relay.runOnce();
    await relay.runOnce();

    const [first, second] = database.named('claim');
    expect(first).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), 60_000, 100]);
    expect(second[0]).toBe(first[0]);
    const other = relayOver([]);
    await other.relay.runOnce();
    expect(other.database.named('claim')[0][0]).not.toBe(first[0]);
  });

  it('claims the configured batch for the configured lease', async () => {
    const { database, relay } = relayOver([], { batchSize: 7, leaseMs: 5_000 });
    await relay.runOnce();
    expect(database.named('claim')[0].slice(1)).toEqual([5_000, 7]);
  });

  it('stops at a failed send: records it, releases the rest of the claim, marks what went out', async () => {
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const rows = [row('a', '1'), row('b', '2'), row('c', '3'), row('d', '4')];
    const { database, bus, relay } = relayOver([rows]);
    bus.failOn.set('b', new Error('broker down'));

    await expect(relay.runOnce()).resolves.toEqual({ published: 1, failed: true });

    const [claimer] = database.named('claim')[0];
    expect(bus.sent.map(([, envelope]) => envelope.key)).toEqual(['a']);
    expect(database.named('failure')).toEqual([[claimer, 'b', 'broker down']]);
    expect(database.named('release')).toEqual([[claimer, ['c', 'd']]]);
    expect(database.named('mark')).toEqual([[['a']]]);
    expect(warnings).toHaveBeenCalledWith(
      `Outbox message b on ${Topics.OrdersEvents} not sent: broker down`,
    );
    warnings.mockRestore();
  });

  it('marks nothing when the first send fails, and records a thrown non-Error as text', async () => {
    const { database, bus, relay } = relayOver([[row('a', '1'), row('b', '2')]]);
    bus.failOn.set('a', 'connection reset');

    await expect(relay.runOnce()).resolves.toEqual({ published: 0, failed: true });

    expect(database.named('failure')).toEqual([[expect.any(String), 'a', 'connection reset']]);
    expect(database.named('release')).toEqual([[expect.any(String), ['b']]]);
    expect(database.named('mark')).toEqual([]);
  });

  it('refuses a row whose topic is unknown instead of sending it', async () => {
    const { database, bus, relay } = relayOver([[row('a', '1', 'nowhere.v1')]]);

    await expect(relay.runOnce()).resolves.toEqual({ published: 0, failed: true });

    expect(bus.sent).toEqual([]);
    expect(database.named('failure')).toEqual([
      [expect.any(String), 'a', 'unknown topic nowhere.v1'],
    ]);
  });

  it('reports the backlog, 0 when the count has no row', async () => {
    const { database, relay } = relayOver([]);
    await expect(relay.backlog()).resolves.toBe(0);
    database.backlogRows = [{ backlog: 42 }];
    await expect(relay.backlog()).resolves.toBe(42);
  });
});

describe('OutboxRelay schedule', () => {
  // The fake clock runs a timer set to 0 ms from inside a timer 1 ms later: rounds "at once" are 1 ms apart.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a round at once after the start, again at once after a full batch, and waits the interval after a short one', async () => {
    const full = () => [row('a', '1'), row('b', '2')];
    const { database, relay } = relayOver([full(), full(), [row('c', '3')], full()], {
      batchSize: 2,
      intervalMs: 1_000,
    });

    relay.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(900);
    expect(database.named('claim')).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(200);
    expect(database.named('claim')).toHaveLength(5);

    await relay.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(database.named('claim')).toHaveLength(5);
  });

  it('waits 500 ms between rounds by default', async () => {
    const { database, relay } = relayOver([]);

    relay.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(400);
    expect(database.named('claim')).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(200);
    expect(database.named('claim')).toHaveLength(2);

    await relay.beforeApplicationShutdown();
  });

  it('logs a failed round under the relay’s name and goes on', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { database, relay } = relayOver([]);
    jest.spyOn(database, 'query').mockRejectedValueOnce(new Error('database down'));

    relay.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);

    expect(errors).toHaveBeenCalledWith('Outbox relay round failed: Error: database down');
    errors.mockRestore();
    await relay.beforeApplicationShutdown();
  });

  it('starts a round at once when this process commits outbox rows, without waiting for the poll', async () => {
    const { database, relay } = relayOver([], { intervalMs: 60_000 });
    relay.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(1);

    database.commitOutboxRows({ nested: true });
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(1);

    database.commitOutboxRows();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(2);

    await relay.beforeApplicationShutdown();
    expect(database.subscribers).toHaveLength(0);
  });

  it('leaves the retries of a failing send to the poll: commits do not wake it until a round succeeds', async () => {
    const { database, bus, relay } = relayOver([[row('a', '1')], [row('a', '1')]], {
      intervalMs: 1_000,
    });
    bus.failOn.set('a', new Error('broker down'));
    relay.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(1);

    database.commitOutboxRows();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(1);

    bus.failOn.clear();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(database.named('claim')).toHaveLength(2);
    database.commitOutboxRows();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(3);

    await relay.beforeApplicationShutdown();
  });

  it('wakes for a commit made while its first round is still claiming', async () => {
    const { database, relay } = relayOver([], { intervalMs: 60_000 });
    let releaseClaim = () => {};
    const query = database.query.bind(database);
    jest.spyOn(database, 'query').mockImplementationOnce(
      (sql, parameters) =>
        new Promise((resolve) => {
          releaseClaim = () => resolve(query(sql, parameters));
        }),
    );
    relay.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);

    database.commitOutboxRows();
    releaseClaim();
    await jest.advanceTimersByTimeAsync(10);

    expect(database.named('claim')).toHaveLength(2);
    await relay.beforeApplicationShutdown();
  });

  it('leaves a round that failed on the database to the poll too: commits do not wake it', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { database, relay } = relayOver([], { intervalMs: 1_000 });
    jest.spyOn(database, 'query').mockRejectedValueOnce(new Error('database down'));
    relay.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10);

    database.commitOutboxRows();
    await jest.advanceTimersByTimeAsync(10);
    expect(database.named('claim')).toHaveLength(0);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(database.named('claim')).toHaveLength(1);
    errors.mockRestore();
    await relay.beforeApplicationShutdown();
  });
});
