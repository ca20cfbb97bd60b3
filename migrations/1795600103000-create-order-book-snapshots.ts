import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Order-book snapshots recorded live when RECORD_BOOKS=true (top levels, throttled per symbol), so a
 * backtest can walk real books. Levels are JSON arrays of [price, amount] decimal strings, best
 * first. A hypertable compressed like `ticks` (segment by symbol, after 7 days).
 */
export class CreateOrderBookSnapshots1795600103000 implements MigrationInterface {
  readonly name = 'CreateOrderBookSnapshots1795600103000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS order_book_snapshots (
        time timestamptz NOT NULL,
        symbol text NOT NULL,
        bids jsonb NOT NULL,
        asks jsonb NOT NULL,
        CONSTRAINT order_book_snapshots_symbol_time_key UNIQUE (symbol, time)
      )
    `);
    await queryRunner.query(
      `SELECT create_hypertable('order_book_snapshots', 'time', chunk_time_interval => INTERVAL '1 day', if_not_exists => true)`,
    );
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM timescaledb_information.hypertables
          WHERE hypertable_name = 'order_book_snapshots' AND hypertable_schema = current_schema() AND compression_enabled) THEN
          ALTER TABLE order_book_snapshots SET (timescaledb.compress,
            timescaledb.compress_segmentby = 'symbol', timescaledb.compress_orderby = 'time DESC');
        END IF;
      END $$`);
    await queryRunner.query(
      `SELECT add_compression_policy('order_book_snapshots', compress_after => INTERVAL '7 days', if_not_exists => true)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS order_book_snapshots`);
  }
}
