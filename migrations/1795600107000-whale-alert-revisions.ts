import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Update alerts (issue 16): an activity gets its detection alert (revision 0) and, on a material
 * size change, rate-limited update alerts (revisions 1, 2, ...), each once per channel whatever
 * happens. Safe to run twice.
 */
export class WhaleAlertRevisions1795600107000 implements MigrationInterface {
  readonly name = 'WhaleAlertRevisions1795600107000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE whale_alerts ADD COLUMN IF NOT EXISTS revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE whale_alerts DROP CONSTRAINT IF EXISTS whale_alerts_activity_channel_key`,
    );
    await queryRunner.query(`
      DO $$ BEGIN
        ALTER TABLE whale_alerts ADD CONSTRAINT whale_alerts_activity_channel_revision_key
          UNIQUE (activity_id, channel, revision);
      EXCEPTION WHEN duplicate_table OR duplicate_object THEN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM whale_alerts WHERE revision > 0`);
    await queryRunner.query(
      `ALTER TABLE whale_alerts DROP CONSTRAINT IF EXISTS whale_alerts_activity_channel_revision_key`,
    );
    await queryRunner.query(`ALTER TABLE whale_alerts DROP COLUMN IF EXISTS revision`);
    await queryRunner.query(
      `ALTER TABLE whale_alerts ADD CONSTRAINT whale_alerts_activity_channel_key UNIQUE (activity_id, channel)`,
    );
  }
}
