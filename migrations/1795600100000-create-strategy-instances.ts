import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per strategy instance a trading engine runs (STRATEGY_ID): its strategy, the
 * parameters it runs with (defaults filled in), whether it is paused and why, who changed that.
 * The engine upserts its row at start-up and keeps `state`, so a paused instance starts paused.
 * Safe to run twice.
 */
export class CreateStrategyInstances1795600100000 implements MigrationInterface {
  readonly name = 'CreateStrategyInstances1795600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS strategy_instances (
        id text PRIMARY KEY,
        name text NOT NULL,
        parameters jsonb NOT NULL,
        state text NOT NULL DEFAULT 'running'
          CONSTRAINT strategy_instances_state_check CHECK (state IN ('running', 'paused')),
        paused_reason text NULL,
        changed_by text NULL,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS strategy_instances`);
  }
}
