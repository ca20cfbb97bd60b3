import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

import { until } from '@nexwave/core/testing';
import {
  createDataSource,
  PooledEmbeddedTimescale,
  runMigrations,
  startPooledEmbeddedTimescale,
} from '@nexwave/database';
import { copyTemplateDataDir, ERRORS_ONLY } from '@nexwave/database/testing';
import { OutboxWriter, Topics, WhaleDetectedV1 } from '@nexwave/messaging';
import { InMemoryBroker, MessageRecorder } from '@nexwave/messaging/testing';

import { ClientProxyMessageBus } from '../src/client-proxy-message-bus.adapter';
import whaleFixture from '../src/contracts/whales/fixtures/whale-detected.v1.json';
import { MemoryClientProxy } from '../src/memory/memory.client';
import { MESSAGING_ENTITIES } from '../src/messaging.entities';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { HeldBus } from './held-bus';

const POOLS = 5;
const TRANSACTIONS_PER_POOL = 12;

const whale = (notionalUsd: string): WhaleDetectedV1 =>
  ({ ...whaleFixture.payload, notionalUsd }) as WhaleDetectedV1;

/** Whether `promise` is still pending once everything already queued has run. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  const winner = await Promise.race([promise.then(() => 'settled'), Promise.resolve(pending)]);
  return winner === pending;
}

/**
 * One transaction of pool `pool`: inserts a row with the transaction id it sees, reads that id
 * again at the end, commits or rolls back. Were transactions of two clients interleaved on
 * PGlite's one session, the ids would differ or a rollback would take another's rows along.
 */
async function probeTransaction(pools: Pool[], pool: number, n: number): Promise<void> {
  const client = await pools[pool].connect();
  try {
    await client.query('BEGIN');
    const [{ txid }] = (
      await client.query<{ txid: string }>(
        'INSERT INTO probe (pool, n, txid) VALUES ($1, $2, txid_current()) RETURNING txid::text',
        [pool, n],
      )
    ).rows;
    await client.query('SELECT pg_catalog.now()');
    const [{ again }] = (
      await client.query<{ again: string }>('SELECT txid_current()::text AS again')
    ).rows;
    if (again !== txid) {
      throw new Error(`transaction ${pool}/${n} saw txid ${txid} then ${again}`);
    }
    await client.query(n % 3 === 0 ? 'ROLLBACK' : 'COMMIT');
  } finally {
    client.release();
  }
}

// The split apps on one machine: many processes' pools, one embedded TimescaleDB behind
// PgBouncer (transaction mode, one server connection).
describe('one embedded TimescaleDB behind PgBouncer, many pools', () => {
  let dataDir: string;
  let database: PooledEmbeddedTimescale;
  const pools: Pool[] = [];
  const dataSources: DataSource[] = [];

  const newDataSource = async (poolSize: number): Promise<DataSource> => {
    const dataSource = createDataSource({
      url: database.url,
      embedded: false,
      poolSize,
      entities: MESSAGING_ENTITIES,
    });
    dataSources.push(dataSource);
    await dataSource.initialize();
    return dataSource;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nexwave-pooled-'));
    await copyTemplateDataDir(dataDir);
    database = await startPooledEmbeddedTimescale({ dataDir, port: 0, logger: ERRORS_ONLY });
    for (let i = 0; i < POOLS; i++) {
      pools.push(new Pool({ connectionString: database.url, max: 3 }));
    }
    await pools[0].query(
      'CREATE TABLE probe (pool int NOT NULL, n int NOT NULL, txid bigint NOT NULL, PRIMARY KEY (pool, n))',
    );
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await Promise.all(dataSources.filter((d) => d.isInitialized).map((d) => d.destroy()));
    await database?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs the migrations while five pools commit and roll back, each transaction whole', async () => {
    const migrator = await newDataSource(2);
    const migrated = runMigrations(migrator);
    await Promise.all(
      pools.flatMap((_, pool) =>
        Array.from({ length: TRANSACTIONS_PER_POOL }, (__, n) => probeTransaction(pools, pool, n)),
      ),
    );
    expect((await migrated).length).toBe(migrator.migrations.length);

    const rows = (
      await pools[1].query<{ pool: number; n: number; txid: string }>(
        'SELECT pool, n, txid::text FROM probe ORDER BY pool, n',
      )
    ).rows;
    const committed = pools.flatMap((_, pool) =>
      Array.from({ length: TRANSACTIONS_PER_POOL }, (__, n) => ({ pool, n })).filter(
        ({ n }) => n % 3 !== 0,
      ),
    );
    expect(rows.map(({ pool, n }) => ({ pool, n }))).toEqual(committed);
    expect(new Set(rows.map((row) => row.txid)).size).toBe(rows.length);
    const { rows: applied } = await pools[2].query<{ n: string }>(
      'SELECT count(*) AS n FROM migrations',
    );
    expect(Number(applied[0].n)).toBe(migrator.migrations.length);
  });

  it('holds another pool back while a transaction is open, and shows it only committed rows', async () => {
    const holder = await pools[3].connect();
    // Connected (and authenticated by PgBouncer) before the transaction starts.
    const reader = await pools[4].connect();
    try {
      await holder.query('BEGIN');
      await holder.query('INSERT INTO probe (pool, n, txid) VALUES (99, 1, txid_current())');
      const read = reader.query<{ n: string }>('SELECT count(*) AS n FROM probe WHERE pool = 99');
      await holder.query('SELECT 1');
      await holder.query('SELECT 2');
      expect(await isPending(read)).toBe(true);
      await holder.query('ROLLBACK');
      expect(Number((await read).rows[0].n)).toBe(0);
    } finally {
      holder.release();
      reader.release();
    }
  });

  it('relays every outbox row exactly once with two relays racing producers', async () => {
    const broker = new InMemoryBroker();
    const recorder = new MessageRecorder<WhaleDetectedV1>(broker, Topics.WhalesDetected);
    const relays = await Promise.all(
      [0, 1].map(
        async () =>
          new OutboxRelay(
            await newDataSource(1),
            new ClientProxyMessageBus(new MemoryClientProxy(broker), 1_000),
            { batchSize: 3 },
          ),
      ),
    );
    const producers = await Promise.all([2, 2, 2].map((size) => newDataSource(size)));
    const writer = new OutboxWriter();
    const written: string[] = [];
    let producing = true;
    const relaying = relays.map(async (relay) => {
      while (producing) {
        await relay.runOnce();
      }
    });
    await Promise.all(
      producers.flatMap((producer, p) =>
        Array.from({ length: 10 }, async (_, i) => {
          const envelope = await producer.transaction((manager) =>
            writer.write(manager, Topics.WhalesDetected, whale(`${p + 1}${i}000`)),
          );
          written.push(envelope.id);
        }),
      ),
    );
    producing = false;
    await Promise.all(relaying);
    await until(
      async () => {
        await relays[0].runOnce();
        await broker.idle();
        return recorder.messages.length >= written.length;
      },
      'every row relayed',
      { timeoutMs: 60_000 },
    );

    expect(recorder.messages.map((m) => m.id).sort()).toEqual([...written].sort());
    recorder.close();
  });

  it('holds no transaction while a relay waits on a slow broker: another pool writes meanwhile', async () => {
    const held = new HeldBus(new MemoryClientProxy(new InMemoryBroker()), 1_000);
    const relay = new OutboxRelay(await newDataSource(1), held);
    const producer = await newDataSource(1);
    await producer.transaction((manager) =>
      new OutboxWriter().write(manager, Topics.WhalesDetected, whale('7000000')),
    );

    const publishing = relay.runOnce();
    await until(() => Promise.resolve(held.held > 0), 'the relay waiting on the broker', {
      timeoutMs: 60_000,
    });
    // Before the claim/publish/mark split, this waited behind the relay's open transaction.
    await pools[4].query('INSERT INTO probe (pool, n, txid) VALUES (4, 999, txid_current())');
    expect(await isPending(publishing)).toBe(true);
    held.release();
    expect(await publishing).toEqual({ published: 1, failed: false });
  });
});
