import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay claims rows with a lease (`claimed_until`, `claimed_by`) in one short
 * transaction, publishes outside any transaction, then marks them in another: a slow broker no
 * longer holds a database transaction (behind a one-connection pooler, every app's). A lease that
 * runs out (the relay died) lets another relay take the rows again. Safe to run twice.
 */
export class OutboxClaimLease1795600105000 implements MigrationInterface {
  readonly name = 'OutboxClaimLease1795600105000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox_messages
        ADD COLUMN IF NOT EXISTS claimed_until timestamptz NULL,
        ADD COLUMN IF NOT EXISTS claimed_by text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox_messages DROP COLUMN IF EXISTS claimed_by, DROP COLUMN IF EXISTS claimed_until`);
  }
}
