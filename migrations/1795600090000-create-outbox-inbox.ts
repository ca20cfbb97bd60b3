import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboxInbox1795600090000 implements MigrationInterface {
  readonly name = 'CreateOutboxInbox1795600090000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Transactional outbox: written in the producer's transaction, relayed in `position` order.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS outbox_messages (
        id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY,
        topic text NOT NULL,
        key text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS outbox_messages_unpublished_idx ON outbox_messages (position) WHERE published_at IS NULL`,
    );
    // Inbox: one row per (consumer, message id) handled, written in the handler's transaction.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS inbox_messages (
        consumer text NOT NULL,
        message_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS inbox_messages`);
    await queryRunner.query(`DROP TABLE IF EXISTS outbox_messages`);
  }
}
