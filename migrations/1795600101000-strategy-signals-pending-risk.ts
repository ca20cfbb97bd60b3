import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signal is stored as pending_risk before risk is asked, so a risk outage loses no signal: the
 * engine retries it until risk answers, or marks it expired after one candle (never sent late).
 * The partial index serves the retry's scan of the pending ones. Safe to run twice.
 */
export class StrategySignalsPendingRisk1795600101000 implements MigrationInterface {
  readonly name = 'StrategySignalsPendingRisk1795600101000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE strategy_signals DROP CONSTRAINT IF EXISTS strategy_signals_status_check`);
    await queryRunner.query(`
      ALTER TABLE strategy_signals ADD CONSTRAINT strategy_signals_status_check
        CHECK (status IN ('pending_risk', 'sent', 'rejected', 'below_lot', 'expired'))`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS strategy_signals_pending_risk_idx
        ON strategy_signals (strategy_id, created_at) WHERE status = 'pending_risk'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS strategy_signals_pending_risk_idx`);
    await queryRunner.query(
      `DELETE FROM strategy_signals WHERE status IN ('pending_risk', 'expired')`,
    );
    await queryRunner.query(`
      ALTER TABLE strategy_signals DROP CONSTRAINT IF EXISTS strategy_signals_status_check`);
    await queryRunner.query(`
      ALTER TABLE strategy_signals ADD CONSTRAINT strategy_signals_status_check
        CHECK (status IN ('sent', 'rejected', 'below_lot'))`);
  }
}
