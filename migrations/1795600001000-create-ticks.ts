import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicks1795600001000 implements MigrationInterface {
  readonly name = 'CreateTicks1795600001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per public trade. trade_id is required: a replayed trade must collide with the stored one.
    // A unique index on a hypertable must include its time column, hence (symbol, trade_id, time).
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS ticks (
        time timestamptz NOT NULL,
        symbol text NOT NULL,
        price numeric NOT NULL,
        size numeric NOT NULL,
        side text NOT NULL CHECK (side IN ('buy', 'sell')),
        trade_id text NOT NULL,
        source text NOT NULL DEFAULT 'pacifica',
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ticks_symbol_trade_id_time_key UNIQUE (symbol, trade_id, time)
      )
    `);
    await queryRunner.query(
      `SELECT create_hypertable('ticks', 'time', chunk_time_interval => INTERVAL '1 day', if_not_exists => true)`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS ticks_symbol_time_idx ON ticks (symbol, time DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ticks`);
  }
}
