import { MigrationInterface, QueryRunner } from 'typeorm';

interface CandleLevel {
  name: string;
  bucket: string;
  /** The aggregate this level rolls up; the 1m level reads ticks. */
  source?: string;
  /** Refresh policy: the window [now - startOffset, now - bucket], run every bucket. */
  startOffset: string;
  compressAfter: string;
}

// Each level rolls up the one below; compressAfter is always larger than startOffset, as
// TimescaleDB requires (a refresh must never touch compressed buckets).
const LEVELS: readonly CandleLevel[] = [
  { name: 'candles_1m', bucket: '1 minute', startOffset: '3 hours', compressAfter: '7 days' },
  {
    name: 'candles_5m',
    bucket: '5 minutes',
    source: 'candles_1m',
    startOffset: '12 hours',
    compressAfter: '30 days',
  },
  {
    name: 'candles_15m',
    bucket: '15 minutes',
    source: 'candles_5m',
    startOffset: '1 day',
    compressAfter: '60 days',
  },
  {
    name: 'candles_1h',
    bucket: '1 hour',
    source: 'candles_15m',
    startOffset: '7 days',
    compressAfter: '90 days',
  },
  {
    name: 'candles_4h',
    bucket: '4 hours',
    source: 'candles_1h',
    startOffset: '30 days',
    compressAfter: '180 days',
  },
  {
    name: 'candles_1d',
    bucket: '1 day',
    source: 'candles_4h',
    startOffset: '90 days',
    compressAfter: '365 days',
  },
];

const TICKS_COMPRESS_AFTER = '7 days';

// `notional` (sum of price * size) is stored so VWAP composes exactly up the hierarchy.
function aggregateSelect(level: CandleLevel): string {
  if (level.source === undefined) {
    return `
      SELECT time_bucket(INTERVAL '${level.bucket}', time) AS bucket, symbol,
        first(price, time) AS open, max(price) AS high, min(price) AS low,
        last(price, time) AS close, sum(size) AS volume, sum(price * size) AS notional,
        count(*) AS trade_count
      FROM ticks
      GROUP BY time_bucket(INTERVAL '${level.bucket}', time), symbol`;
  }
  return `
    SELECT time_bucket(INTERVAL '${level.bucket}', bucket) AS bucket, symbol,
      first(open, bucket) AS open, max(high) AS high, min(low) AS low,
      last(close, bucket) AS close, sum(volume) AS volume, sum(notional) AS notional,
      sum(trade_count)::bigint AS trade_count
    FROM ${level.source}
    GROUP BY time_bucket(INTERVAL '${level.bucket}', bucket), symbol`;
}

/**
 * OHLCV candles as hierarchical continuous aggregates (1m from ticks, each level from the one
 * below), with real-time aggregation, refresh and compression policies, and one
 * `candles_<tf>_ohlcv` view per level. Every statement is safe to re-run. `WITH NO DATA` keeps
 * the creation legal inside the migration transaction; the first refresh fills them.
 */
export class CreateCandles1795600009000 implements MigrationInterface {
  readonly name = 'CreateCandles1795600009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await compressTicks(queryRunner);
    for (const level of LEVELS) {
      await queryRunner.query(`
        CREATE MATERIALIZED VIEW IF NOT EXISTS ${level.name}
        WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
        ${aggregateSelect(level)}
        WITH NO DATA`);
      await queryRunner.query(
        `SELECT add_continuous_aggregate_policy('${level.name}',
          start_offset => INTERVAL '${level.startOffset}', end_offset => INTERVAL '${level.bucket}',
          schedule_interval => INTERVAL '${level.bucket}', if_not_exists => true)`,
      );
      await queryRunner.query(`
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM timescaledb_information.continuous_aggregates
            WHERE view_name = '${level.name}' AND view_schema = current_schema() AND compression_enabled) THEN
            ALTER MATERIALIZED VIEW ${level.name} SET (timescaledb.compress = true);
          END IF;
        END $$`);
      await queryRunner.query(
        `SELECT add_compression_policy('${level.name}', compress_after => INTERVAL '${level.compressAfter}', if_not_exists => true)`,
      );
      await queryRunner.query(`
        CREATE OR REPLACE VIEW ${level.name}_ohlcv AS
        SELECT bucket AS time, symbol, open, high, low, close, volume,
          notional / NULLIF(volume, 0) AS vwap, trade_count
        FROM ${level.name}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const level of [...LEVELS].reverse()) {
      await queryRunner.query(`DROP VIEW IF EXISTS ${level.name}_ohlcv`);
      await queryRunner.query(`DROP MATERIALIZED VIEW IF EXISTS ${level.name}`);
    }
    await queryRunner.query(`SELECT remove_compression_policy('ticks', if_exists => true)`);
    await queryRunner.query(`ALTER TABLE ticks SET (timescaledb.compress = false)`);
  }
}

async function compressTicks(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
        WHERE hypertable_name = 'ticks' AND hypertable_schema = current_schema() AND compression_enabled) THEN
        ALTER TABLE ticks SET (timescaledb.compress,
          timescaledb.compress_segmentby = 'symbol', timescaledb.compress_orderby = 'time DESC');
      END IF;
    END $$`);
  await queryRunner.query(
    `SELECT add_compression_policy('ticks', compress_after => INTERVAL '${TICKS_COMPRESS_AFTER}', if_not_exists => true)`,
  );
}
