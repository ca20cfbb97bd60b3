import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCircuitBreakerState1795600008000 implements MigrationInterface {
  readonly name = 'CreateCircuitBreakerState1795600008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS circuit_breaker_state (
        name text PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('closed', 'open', 'half_open', 'halted')),
        consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
        opened_at timestamptz NULL,
        reason text NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS circuit_breaker_state`);
  }
}
