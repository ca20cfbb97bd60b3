import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWhaleAlerts1795600091000 implements MigrationInterface {
  readonly name = 'CreateWhaleAlerts1795600091000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // activity_id is the tracker's id (uuid v7), the activityId of whales.detected.v1.
    await queryRunner.query(
      `ALTER TABLE whale_activities ADD COLUMN IF NOT EXISTS activity_id uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS whale_activities_activity_id_key ON whale_activities (activity_id)`,
    );
    // Horizons (minutes) given up for lack of a price; impact_done once every horizon is settled.
    await queryRunner.query(
      `ALTER TABLE whale_activities ADD COLUMN IF NOT EXISTS impact_missed smallint[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE whale_activities ADD COLUMN IF NOT EXISTS impact_done boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS whale_activities_impact_pending_idx ON whale_activities (detected_at) WHERE NOT impact_done`,
    );
    // Alert outbox: written in the detection's transaction, drained per channel by the dispatcher.
    // The unique key means one alert per activity and channel, whatever happens.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS whale_alerts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES whale_activities (activity_id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('telegram', 'discord')),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        last_error text NULL,
        CONSTRAINT whale_alerts_activity_channel_key UNIQUE (activity_id, channel)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS whale_alerts_pending_idx ON whale_alerts (channel, next_attempt_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS whale_alerts`);
    await queryRunner.query(`DROP INDEX IF EXISTS whale_activities_impact_pending_idx`);
    await queryRunner.query(`ALTER TABLE whale_activities DROP COLUMN IF EXISTS impact_done`);
    await queryRunner.query(`ALTER TABLE whale_activities DROP COLUMN IF EXISTS impact_missed`);
    await queryRunner.query(`DROP INDEX IF EXISTS whale_activities_activity_id_key`);
    await queryRunner.query(`ALTER TABLE whale_activities DROP COLUMN IF EXISTS activity_id`);
  }
}
