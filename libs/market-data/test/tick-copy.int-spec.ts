import { DataSource } from 'typeorm';

import { createDataSource } from '@nexwave/database';
import { startPostgresServer, type PostgresTestServer } from '@nexwave/database/testing';

import { TypeOrmTickStore } from '../src/infrastructure/persistence/typeorm-tick.store';
import { tick } from './ingest-support';

// The COPY path runs on a PostgreSQL server only (PGlite cannot COPY over its socket). The ticks
// table here is a plain table with the hypertable's columns and unique key.
describe('tick COPY on a PostgreSQL server', () => {
  let server: PostgresTestServer;
  let dataSource: DataSource;

  beforeAll(async () => {
    server = await startPostgresServer();
    // One connection, as behind a transaction-mode pooler: what a batch leaves, the next sees.
    dataSource = createDataSource({ url: server.url, embedded: false, poolSize: 1 });
    await dataSource.initialize();
    await dataSource.query(`
      CREATE TABLE ticks (
        time timestamptz NOT NULL, symbol text NOT NULL, price numeric NOT NULL,
        size numeric NOT NULL, side text NOT NULL, trade_id text NOT NULL, source text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(), UNIQUE (symbol, trade_id, time))`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await server?.stop();
  });

  it('stores each trade once, batch after batch, leaving nothing on the session', async () => {
    const store = new TypeOrmTickStore(dataSource, 'copy');
    const [a, b, c] = [tick(), tick(), tick()];

    await expect(store.insert([a, b])).resolves.toEqual({ inserted: 2, duplicates: 0 });
    const [{ staging }] = await dataSource.query<{ staging: string | null }[]>(
      "SELECT to_regclass('pg_temp.ticks_staging')::text AS staging",
    );
    expect(staging).toBeNull();
    await expect(store.insert([a, b, c])).resolves.toEqual({ inserted: 1, duplicates: 2 });
    expect(store.writeMode).toBe('copy');
  });

  it('stores text COPY must escape and each millisecond as sent', async () => {
    const store = new TypeOrmTickStore(dataSource, 'copy');
    const times = [
      '2026-04-01T23:59:59.999Z',
      '2026-04-02T00:00:00.000Z',
      '2026-04-02T00:00:00.005Z',
      '2026-04-02T00:00:00.050Z',
      '2026-04-02T00:00:00.500Z',
      '2026-04-01T23:59:59.001Z',
    ];
    const ticks = [
      ...times.map((time) => tick({ time: new Date(time) })),
      tick({ symbol: 'we\\ird', tradeId: 'tab\there\nnewline\rreturn\\backslash' }),
    ];

    await expect(store.insert(ticks)).resolves.toEqual({ inserted: 7, duplicates: 0 });
    const rows = await dataSource.query<{ time: Date; symbol: string; trade_id: string }[]>(
      'SELECT time, symbol, trade_id FROM ticks WHERE trade_id = ANY($1)',
      [ticks.map((one) => one.tradeId)],
    );
    expect(rows.map((row) => [row.time.toISOString(), row.symbol, row.trade_id]).sort()).toEqual(
      ticks.map((one) => [one.time.toISOString(), one.symbol, one.tradeId]).sort(),
    );
  });

  it('writes a batch of new trades with one COPY into ticks, staging only a batch with a stored trade', async () => {
    // A session of its own: its temporary schema appears with its first temporary table.
    const own = createDataSource({ url: server.url, embedded: false, poolSize: 1 });
    await own.initialize();
    try {
      const store = new TypeOrmTickStore(own, 'copy');
      const tempSchema = async () => {
        const [row] = await own.query<{ oid: number }[]>('SELECT pg_my_temp_schema()::int AS oid');
        return row.oid;
      };
      const stored = tick();
      await expect(store.insert([stored, tick()])).resolves.toEqual({
        inserted: 2,
        duplicates: 0,
      });
      expect(await tempSchema()).toBe(0);

      const twice = tick();
      await expect(store.insert([twice, tick(), twice, stored])).resolves.toEqual({
        inserted: 2,
        duplicates: 2,
      });
      expect(await tempSchema()).not.toBe(0);
    } finally {
      await own.destroy();
    }
  });
});
