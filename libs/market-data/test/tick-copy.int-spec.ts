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
});
