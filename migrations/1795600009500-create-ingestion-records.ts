import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIngestionRecords1795600009500 implements MigrationInterface {
  readonly name = 'CreateIngestionRecords1795600009500';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trades the ingestion could not store (refused by validation or by the database), with the
    // reason: kept for inspection instead of being retried forever or dropped silently.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS ticks_dead_letter (
        id bigserial PRIMARY KEY,
        symbol text,
        trade_id text,
        payload jsonb NOT NULL,
        reason text NOT NULL,
        dead_lettered_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS ticks_dead_letter_time_idx ON ticks_dead_letter (dead_lettered_at DESC)`,
    );
    // Windows in which the feed may have missed trades (after a reconnect, or while the buffer
    // refused trades), and how much of each the exchange's history filled. Candles of buckets
    // inside an unfilled window are incomplete, never forward-filled.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS market_data_gaps (
        id bigserial PRIMARY KEY,
        symbol text NOT NULL,
        from_time timestamptz NOT NULL,
        to_time timestamptz NOT NULL,
        reason text NOT NULL CHECK (reason IN ('reconnect', 'buffer_full')),
        backfilled_trades integer NOT NULL DEFAULT 0,
        unfilled_from timestamptz,
        unfilled_to timestamptz,
        detected_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS market_data_gaps_symbol_time_idx ON market_data_gaps (symbol, from_time DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS market_data_gaps`);
    await queryRunner.query(`DROP TABLE IF EXISTS ticks_dead_letter`);
  }
}
