import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1795600093000 implements MigrationInterface {
  readonly name = 'CreateApiKeys1795600093000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // API keys of the REST and GraphQL APIs (libs/auth). `hash` is the SHA-256 (hex) of the key's
    // 256-bit secret; the key itself is shown once at creation and stored nowhere.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS api_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('read', 'trade', 'admin')),
        hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS api_keys`);
  }
}
