import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { systemClock } from '@nexwave/core';
import { FixedClock, until } from '@nexwave/core/testing';
import { createDataSource } from '@nexwave/database';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { TickWriter, type TickWriterOptions } from '../src/application/ingestion/tick-writer';
import { MarketDataMetrics } from '../src/application/market-data.metrics';
import type { Tick } from '../src/domain/tick';
import { encodeSpoolLine } from '../src/domain/tick-spool';
import { MARKET_DATA_ENTITIES } from '../src/infrastructure/persistence/market-data.entities';
import { TypeOrmTickStore } from '../src/infrastructure/persistence/typeorm-tick.store';
import { FileTickSpool } from '../src/infrastructure/spool/file-tick.spool';
import { startTcpProxy, tick, type TcpProxy } from './ingest-support';

describe('TickWriter with its on-disk spool, on the embedded TimescaleDB', () => {
  let database: TestDatabase;
  /** The one live client of the database (PGlite serves one session): direct or via a proxy. */
  let dataSource: DataSource;
  let proxy: TcpProxy | null;
  let spoolDir: string;

  const options = (overrides: Partial<TickWriterOptions> = {}): TickWriterOptions => ({
    buffer: { batchSize: 10, maxWaitMs: 0, capacity: 30 },
    retry: { baseDelayMs: 5, maxDelayMs: 40 },
    shutdownAttempts: 2,
    clock: systemClock,
    ...overrides,
  });

  const spool = (maxBytes = 1_000_000) =>
    new FileTickSpool({ dir: spoolDir, maxBytes, segmentBytes: 2_000 });

  const storedIds = async (): Promise<string[]> =>
    (
      await dataSource.query<{ trade_id: string }[]>(`SELECT trade_id FROM ticks ORDER BY trade_id`)
    ).map((row) => row.trade_id);

  const ids = (ticks: readonly Tick[]) => ticks.map((trade) => trade.tradeId).sort();

  /** Replaces the direct client by one through a proxy that can cut the database off. */
  async function cuttable(): Promise<{ proxy: TcpProxy; viaProxy: DataSource }> {
    const [{ schema }] = await dataSource.query<{ schema: string }[]>(
      `SELECT current_schema() AS schema`,
    );
    await dataSource.destroy();
    const { port } = new URL(database.url);
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(port) });
    dataSource = createDataSource({
      url: database.url.replace(`:${port}`, `:${proxy.port}`),
      embedded: true,
      entities: MARKET_DATA_ENTITIES,
    });
    await dataSource.initialize();
    await dataSource.query(`SET search_path TO "${schema}", public`);
    return { proxy, viaProxy: dataSource };
  }

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database.stop();
  });

  beforeEach(async () => {
    dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    proxy = null;
    spoolDir = join(mkdtempSync(join(tmpdir(), 'nexwave-spool-')), 'ticks');
  });

  afterEach(async () => {
    if (proxy) {
      await dataSource.destroy();
      await proxy.close();
    }
    rmSync(join(spoolDir, '..'), { recursive: true, force: true });
  });

  it('database lost mid-ingest, then shutdown: trades go to the spool; a new writer on it stores each once', async () => {
    const { proxy, viaProxy } = await cuttable();
    const metrics = new MarketDataMetrics();
    const first = new TickWriter(
      new TypeOrmTickStore(viaProxy),
      metrics,
      options({ spool: spool() }),
    );
    const before = Array.from({ length: 25 }, () => tick());
    const during = Array.from({ length: 100 }, () => tick());
    await first.start();
    first.accept(before);
    await first.flush();

    proxy.cut();
    for (let i = 0; i < during.length; i += 10) {
      first.accept(during.slice(i, i + 10));
    }
    // 30 fit in the buffer; 70 overflow to the spool while the database is away.
    await until(async () => (await metrics.total(metrics.ticksSpooled)) === 70, '70 ticks spooled');
    const retriedBefore = await metrics.total(metrics.batches, { outcome: 'retried' });
    await first.stop();
    // Two attempts at shutdown in all (not per batch): a dead database cannot hold it up.
    expect(
      (await metrics.total(metrics.batches, { outcome: 'retried' })) - retriedBefore,
    ).toBeLessThanOrEqual(2);
    expect(await metrics.total(metrics.ticksSpooled)).toBe(100);
    expect(await metrics.total(metrics.ticksRefused)).toBe(0);
    expect(readdirSync(spoolDir).length).toBeGreaterThan(1);
    proxy.resume();
    expect(await storedIds()).toEqual(ids(before));

    const replayMetrics = new MarketDataMetrics();
    const second = new TickWriter(
      new TypeOrmTickStore(dataSource),
      replayMetrics,
      options({ spool: spool() }),
    );
    await second.start();
    await second.flush();
    await second.stop();

    expect(await storedIds()).toEqual(ids([...before, ...during]));
    expect(await replayMetrics.total(replayMetrics.ticksReplayed)).toBe(100);
    expect(await replayMetrics.total(replayMetrics.spoolBytes)).toBe(0);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('replays the same process once the database is back, while new trades keep arriving', async () => {
    const { proxy, viaProxy } = await cuttable();
    const metrics = new MarketDataMetrics();
    const writer = new TickWriter(
      new TypeOrmTickStore(viaProxy),
      metrics,
      options({ spool: spool() }),
    );
    const outage = Array.from({ length: 60 }, () => tick({ symbol: 'ETH' }));
    const after = Array.from({ length: 5 }, () => tick({ symbol: 'ETH' }));
    try {
      await writer.start();
      proxy.cut();
      writer.accept(outage);
      await until(
        async () => (await metrics.total(metrics.ticksSpooled)) === 30,
        '30 ticks spooled',
      );
      proxy.resume();
      // Whether these fit in the buffer or overflow to the spool too depends on how soon the
      // writer reconnects: either way each is stored once.
      writer.accept(after);
      const all = ids([...outage, ...after]);
      await until(async () => (await storedIds()).length === all.length, 'every tick stored');
      await writer.flush();
      expect(await storedIds()).toEqual(all);
      const spooled = await metrics.total(metrics.ticksSpooled);
      expect(spooled).toBeGreaterThanOrEqual(30);
      expect(await metrics.total(metrics.ticksSpooled, { symbol: 'ETH' })).toBe(spooled);
      expect(await metrics.total(metrics.ticksReplayed)).toBe(spooled);
      expect(readdirSync(spoolDir)).toEqual([]);
    } finally {
      await writer.stop();
    }
  });

  it('replays a segment that a crash left half stored and torn: each trade once, the torn line counted', async () => {
    const trades = Array.from({ length: 20 }, () => tick());
    const left = spool();
    await left.append(trades);
    const [segment] = await left.seal();
    appendFileSync(join(spoolDir, segment), encodeSpoolLine(tick()).slice(0, 30));
    // Stored before the crash, the segment not yet removed:
    await new TypeOrmTickStore(dataSource).insert(trades.slice(0, 8));

    const metrics = new MarketDataMetrics();
    const writer = new TickWriter(
      new TypeOrmTickStore(dataSource),
      metrics,
      options({ spool: spool() }),
    );
    await writer.start();
    await writer.flush();
    await writer.stop();

    expect(await storedIds()).toEqual(ids(trades));
    expect(await metrics.total(metrics.ticksDuplicate)).toBe(8);
    expect(await metrics.total(metrics.spoolTornLines)).toBe(1);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('stopped while refusing beyond the bound: still reports the refused window', async () => {
    const { proxy, viaProxy } = await cuttable();
    const metrics = new MarketDataMetrics();
    const lineBytes = Buffer.byteLength(encodeSpoolLine(tick({ tradeId: '9999999' })));
    const writer = new TickWriter(
      new TypeOrmTickStore(viaProxy),
      metrics,
      options({ buffer: { batchSize: 10, maxWaitMs: 0, capacity: 10 }, spool: spool(lineBytes) }),
    );
    await writer.start();
    proxy.cut();
    writer.accept(Array.from({ length: 13 }, (_, i) => tick({ tradeId: String(5_000_000 + i) })));
    await until(async () => (await metrics.total(metrics.ticksRefused)) === 2, '2 ticks refused');
    await writer.stop();
    expect(await metrics.total(metrics.ticksRefused, { reason: 'spool_full' })).toBe(2);
    expect(await metrics.total(metrics.gaps, { reason: 'buffer_full' })).toBe(1);
  });

  it('beyond the spool bound: counts the refused trades and records their window as a gap', async () => {
    const { proxy, viaProxy } = await cuttable();
    const metrics = new MarketDataMetrics();
    const lineBytes = Buffer.byteLength(encodeSpoolLine(tick({ tradeId: '9999999' })));
    const writer = new TickWriter(
      new TypeOrmTickStore(viaProxy),
      metrics,
      options({
        buffer: { batchSize: 10, maxWaitMs: 0, capacity: 10 },
        spool: spool(5 * lineBytes),
        clock: new FixedClock(new Date('2026-03-01T13:00:00Z')),
      }),
    );
    const buffered = Array.from({ length: 10 }, (_, i) => tick({ tradeId: String(1_000_000 + i) }));
    const spooled = Array.from({ length: 5 }, (_, i) => tick({ tradeId: String(2_000_000 + i) }));
    const refused = [
      tick({ symbol: 'SOL', tradeId: '3000000', time: new Date('2026-03-01T12:10:00Z') }),
      tick({ symbol: 'SOL', tradeId: '3000001', time: new Date('2026-03-01T12:11:00Z') }),
    ];
    try {
      await writer.start();
      proxy.cut();
      writer.accept(buffered);
      writer.accept(spooled);
      writer.accept(refused);
      await until(async () => (await metrics.total(metrics.ticksRefused)) === 2, '2 ticks refused');
      expect(await metrics.total(metrics.ticksRefused, { reason: 'spool_full' })).toBe(2);

      proxy.resume();
      await writer.flush();
      const later = tick({ tradeId: '4000000' });
      writer.accept([later]);
      await writer.flush();

      expect(await storedIds()).toEqual(ids([...buffered, ...spooled, later]));
      expect(
        await dataSource.query(`SELECT symbol, reason, from_time, to_time FROM market_data_gaps`),
      ).toEqual([
        {
          symbol: 'SOL',
          reason: 'buffer_full',
          from_time: new Date('2026-03-01T12:10:00Z'),
          to_time: new Date('2026-03-01T12:11:00Z'),
        },
      ]);
    } finally {
      await writer.stop();
    }
  });
});
