import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduleWhaleImpact1795600094000 implements MigrationInterface {
  readonly name = 'ScheduleWhaleImpact1795600094000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // When the activity's next impact measurement is due: set by the whales saga on detection,
    // moved on by each measurement, NULL once every horizon is settled. The impact loop reads
    // only rows due by now. Activities recorded before this column are due at once.
    await queryRunner.query(
      `ALTER TABLE whale_activities ADD COLUMN IF NOT EXISTS impact_due_at timestamptz`,
    );
    await queryRunner.query(`
      UPDATE whale_activities SET impact_due_at = detected_at + INTERVAL '1 minute'
       WHERE NOT impact_done AND impact_due_at IS NULL`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS whale_activities_impact_due_idx ON whale_activities (impact_due_at)
       WHERE NOT impact_done AND impact_due_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS whale_activities_impact_due_idx`);
    await queryRunner.query(`ALTER TABLE whale_activities DROP COLUMN IF EXISTS impact_due_at`);
  }
}
