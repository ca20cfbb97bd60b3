import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every risk decision, approved or rejected: the order it judged, the first refusing rule (null
 * when approved), each checked rule's numbers (jsonb, in check order) and the limits in force.
 * Read per strategy over time and per client order id. Safe to run twice.
 */
export class CreateRiskDecisions1795600096000 implements MigrationInterface {
  readonly name = 'CreateRiskDecisions1795600096000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS risk_decisions (
        id uuid PRIMARY KEY,
        strategy_id text NOT NULL,
        client_order_id uuid NOT NULL,
        symbol text NOT NULL,
        side text NOT NULL CONSTRAINT risk_decisions_side_check CHECK (side IN ('bid', 'ask')),
        intent text NOT NULL CONSTRAINT risk_decisions_intent_check CHECK (intent IN ('entry', 'exit')),
        checked_as text NOT NULL
          CONSTRAINT risk_decisions_checked_as_check CHECK (checked_as IN ('entry', 'exit')),
        amount numeric NOT NULL,
        price numeric NOT NULL,
        approved boolean NOT NULL,
        failed_rule text NULL CONSTRAINT risk_decisions_failed_rule_check
          CHECK (failed_rule IN ('daily_loss', 'order_size', 'position_limit', 'leverage')),
        reason text NOT NULL,
        rules jsonb NOT NULL,
        limits jsonb NOT NULL,
        decided_at timestamptz NOT NULL,
        CONSTRAINT risk_decisions_approved_check CHECK (approved = (failed_rule IS NULL))
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS risk_decisions_strategy_id_decided_at_idx
        ON risk_decisions (strategy_id, decided_at DESC)`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS risk_decisions_client_order_id_idx
        ON risk_decisions (client_order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS risk_decisions`);
  }
}
