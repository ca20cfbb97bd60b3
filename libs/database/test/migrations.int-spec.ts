import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

import { MIGRATIONS, runMigrations } from '../src';
import { startTestDatabase, TestDatabase } from '../src/testing';

const TABLES = [
  'api_keys',
  'backtest_runs',
  'breaker_transitions',
  'candles_15m',
  'candles_15m_ohlcv',
  'candles_1d',
  'candles_1d_ohlcv',
  'candles_1h',
  'candles_1h_ohlcv',
  'candles_1m',
  'candles_1m_ohlcv',
  'candles_4h',
  'candles_4h_ohlcv',
  'candles_5m',
  'candles_5m_ohlcv',
  'circuit_breaker_state',
  'fills',
  'inbox_messages',
  'market_data_gaps',
  'migrations',
  'order_book_snapshots',
  'order_events',
  'orders',
  'outbox_messages',
  'positions',
  'risk_daily_loss',
  'risk_decisions',
  'strategy_equity_points',
  'strategy_instances',
  'strategy_performance',
  'strategy_signals',
  'strategy_trades',
  'ticks',
  'ticks_dead_letter',
  'whale_activities',
  'whale_alerts',
  'whale_trade_prices',
];

@Entity({ name: 'circuit_breaker_state' })
class CircuitBreakerStateRow {
  @PrimaryColumn('text')
  name!: string;

  @Column('text')
  state!: string;

  @Column('integer', { name: 'consecutive_failures' })
  consecutiveFailures!: number;
}

/** Columns, constraints and indexes of a schema, with the schema name taken out so two schemas compare. */
async function describeSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows = await dataSource.query<{ line: string }[]>(
    `
    SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, data_type, is_nullable,
                  column_default) AS line
      FROM information_schema.columns WHERE table_schema = $1 AND table_name <> 'migrations'
    UNION ALL
    SELECT format('constraint %s %s %s', c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid))
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = $1 AND c.conrelid <> 0 AND c.conrelid::regclass::text NOT LIKE '%migrations'
    UNION ALL
    SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = $1 AND tablename <> 'migrations'
    UNION ALL
    SELECT format('hypertable %s', hypertable_name) FROM timescaledb_information.hypertables
     WHERE hypertable_schema = $1
    ORDER BY 1`,
    [schema],
  );
  return rows.map(({ line }) => line.replaceAll(`${schema}.`, '').replaceAll(`"${schema}".`, ''));
}

async function currentSchema(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<{ schema: string }[]>('SELECT current_schema() AS schema');
  return row.schema;
}

describe('migrations on the embedded TimescaleDB', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let schema: string;

  beforeAll(async () => {
    db = await startTestDatabase();
  });

  beforeEach(async () => {
    dataSource = await db.freshDataSource();
    schema = await currentSchema(dataSource);
  });

  afterAll(async () => {
    await db.stop();
  });

  it('creates every table, with ticks as a hypertable of one-day chunks', async () => {
    const tables = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(tables.map((row) => row.table_name)).toEqual(TABLES);

    const dimensions = await dataSource.query<{ column_name: string; time_interval: string }[]>(
      `SELECT column_name, time_interval::text FROM timescaledb_information.dimensions
        WHERE hypertable_schema = $1 AND hypertable_name = 'ticks'`,
      [schema],
    );
    expect(dimensions).toEqual([{ column_name: 'time', time_interval: '1 day' }]);

    const applied = await dataSource.query<{ name: string }[]>(
      `SELECT name FROM migrations ORDER BY id`,
    );
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('stores money, prices and sizes as numeric, never as floating point', async () => {
    const floats = await dataSource.query<{ column: string }[]>(
      `SELECT table_name || '.' || column_name AS column FROM information_schema.columns
        WHERE table_schema = $1 AND data_type IN ('real', 'double precision')`,
      [schema],
    );
    expect(floats).toEqual([]);
    const [price] = await dataSource.query<{ data_type: string }[]>(
      `SELECT data_type FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = 'ticks' AND column_name = 'price'`,
      [schema],
    );
    expect(price).toEqual({ data_type: 'numeric' });
  });

  it('changes nothing when the migrations run again', async () => {
    const before = await describeSchema(dataSource, schema);
    await expect(runMigrations(dataSource)).resolves.toEqual([]);
    expect(await describeSchema(dataSource, schema)).toEqual(before);
  });

  it('runs every migration up() twice without failing, to the same schema', async () => {
    const expected = await describeSchema(dataSource, schema);
    await dataSource.query(`CREATE SCHEMA twice`);
    await dataSource.query(`SET search_path TO twice, public`);
    const queryRunner = dataSource.createQueryRunner();
    try {
      for (const Migration of MIGRATIONS) {
        const migration = new Migration();
        await migration.up(queryRunner);
        await migration.up(queryRunner);
      }
    } finally {
      await queryRunner.release();
    }
    expect(await describeSchema(dataSource, 'twice')).toEqual(expected);
  });

  it('stores a replayed trade once', async () => {
    const insert = `
      INSERT INTO ticks (time, symbol, price, size, side, trade_id)
      VALUES ($1, 'BTC', '97123.5', '0.015', 'buy', 'trade-1')
      ON CONFLICT (symbol, trade_id, time) DO NOTHING`;
    const time = '2026-11-20T10:00:00.123Z';
    await dataSource.query(insert, [time]);
    await dataSource.query(insert, [time]);

    const rows = await dataSource.query<{ price: string; size: string; source: string }[]>(
      `SELECT price, size, source FROM ticks WHERE symbol = 'BTC'`,
    );
    expect(rows).toEqual([{ price: '97123.5', size: '0.015', source: 'pacifica' }]);
  });

  it('gives each fresh data source an empty schema of its own', async () => {
    await dataSource.query(
      `INSERT INTO circuit_breaker_state (name, state) VALUES ('orders', 'open')`,
    );
    const next = await db.freshDataSource();
    expect(dataSource.isInitialized).toBe(false);
    expect(await currentSchema(next)).not.toBe(schema);
    await expect(next.query(`SELECT name FROM circuit_breaker_state`)).resolves.toEqual([]);
  });

  it('maps entities onto the fresh schema', async () => {
    const withEntities = await db.freshDataSource({ entities: [CircuitBreakerStateRow] });
    const repository = withEntities.getRepository(CircuitBreakerStateRow);
    await repository.save({ name: 'orders', state: 'half_open', consecutiveFailures: 2 });

    await expect(repository.findOneBy({ name: 'orders' })).resolves.toEqual({
      name: 'orders',
      state: 'half_open',
      consecutiveFailures: 2,
    });
    const freshSchema = await currentSchema(withEntities);
    const [row] = await withEntities.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${freshSchema}".circuit_breaker_state`,
    );
    expect(row).toEqual({ count: 1 });
  });
});
