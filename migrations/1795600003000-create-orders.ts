import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrders1795600003000 implements MigrationInterface {
  readonly name = 'CreateOrders1795600003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // client_order_id is the idempotency key: submitting the same request twice creates one order.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS orders (
        id uuid PRIMARY KEY,
        client_order_id uuid NOT NULL UNIQUE,
        exchange_order_id text NULL UNIQUE,
        strategy_id text NOT NULL,
        symbol text NOT NULL,
        side text NOT NULL CHECK (side IN ('bid', 'ask')),
        order_type text NOT NULL CHECK (order_type IN ('market', 'limit')),
        tif text NULL,
        amount numeric NOT NULL CHECK (amount > 0),
        price numeric NULL,
        reduce_only boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'open', 'partially_filled', 'filled', 'canceled', 'rejected')),
        filled_amount numeric NOT NULL DEFAULT 0 CHECK (filled_amount >= 0),
        average_fill_price numeric NULL,
        reject_reason text NULL,
        paper boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        filled_at timestamptz NULL,
        canceled_at timestamptz NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        CHECK (order_type = 'market' OR price IS NOT NULL)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS orders_strategy_id_created_at_idx ON orders (strategy_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS orders_symbol_status_created_at_idx ON orders (symbol, status, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS orders_status_created_at_idx ON orders (status, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS orders`);
  }
}
