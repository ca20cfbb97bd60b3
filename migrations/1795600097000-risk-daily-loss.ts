import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The risk service's state: each strategy's daily loss tracking, one row per UTC day (its starting
 * equity and when it was stopped), so a stopped day stays stopped over a restart. One decision per
 * client order id: a check replayed for the same order reads the stored decision, so the index
 * on client_order_id becomes unique. Safe to run twice.
 */
export class RiskDailyLoss1795600097000 implements MigrationInterface {
  readonly name = 'RiskDailyLoss1795600097000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS risk_daily_loss (
        strategy_id text NOT NULL,
        utc_day date NOT NULL,
        start_equity_usd numeric NOT NULL,
        started_at timestamptz NOT NULL,
        stopped_at timestamptz NULL,
        CONSTRAINT risk_daily_loss_pkey PRIMARY KEY (strategy_id, utc_day)
      )`);
    await queryRunner.query(`DROP INDEX IF EXISTS risk_decisions_client_order_id_idx`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX IF NOT EXISTS risk_decisions_client_order_id_key
        ON risk_decisions (client_order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS risk_decisions_client_order_id_key`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS risk_decisions_client_order_id_idx
        ON risk_decisions (client_order_id)`);
    await queryRunner.query(`DROP TABLE IF EXISTS risk_daily_loss`);
  }
}
