import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnableTimescaledb1795600000000 implements MigrationInterface {
  readonly name = 'EnableTimescaledb1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS timescaledb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Fails (no CASCADE) while any hypertable still depends on the extension.
    await queryRunner.query(`DROP EXTENSION IF EXISTS timescaledb`);
  }
}
