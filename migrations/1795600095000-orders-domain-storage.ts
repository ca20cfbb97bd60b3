import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'pending', 'open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'unknown'`;
const EVENT_TYPES = `'accepted', 'opened', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', 'unknown'`;
const CAUSES = `'request', 'exchange', 'paper', 'reconciliation', 'admin', 'breaker'`;
const BREAKER_STATES = `'closed', 'open', 'half_open', 'halted'`;

/**
 * Brings the orders tables (1795600003000..8000, written before the orders domain) to what it
 * stores: statuses expired and unknown, the running totals and sequence of an order, a cause and
 * a per-order sequence on events, idempotent fills, positions per account (paper or live) with a
 * signed size, the breaker's full state and its audit trail. Nothing wrote these tables before,
 * so the reshaped positions table is recreated only while it is empty. Safe to run twice.
 */
export class OrdersDomainStorage1795600095000 implements MigrationInterface {
  readonly name = 'OrdersDomainStorage1795600095000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.orders(queryRunner);
    await this.orderEvents(queryRunner);
    await this.fills(queryRunner);
    await this.positions(queryRunner);
    await this.breaker(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS breaker_transitions`);
    await queryRunner.query(`
      ALTER TABLE circuit_breaker_state
        DROP COLUMN IF EXISTS last_error,
        DROP COLUMN IF EXISTS changed_by,
        DROP COLUMN IF EXISTS probe_in_flight`);
    await renameColumn(queryRunner, 'circuit_breaker_state', 'changed_at', 'opened_at');
    await queryRunner.query(`
      ALTER TABLE order_events
        DROP CONSTRAINT IF EXISTS order_events_order_id_sequence_key,
        DROP CONSTRAINT IF EXISTS order_events_type_check,
        DROP COLUMN IF EXISTS sequence,
        DROP COLUMN IF EXISTS cause`);
    await queryRunner.query(`
      ALTER TABLE orders
        DROP COLUMN IF EXISTS sequence,
        DROP COLUMN IF EXISTS filled_notional_usd,
        DROP COLUMN IF EXISTS fee_usd,
        DROP COLUMN IF EXISTS slippage_percent`);
    await renameColumn(queryRunner, 'orders', 'reason', 'reject_reason');
    await renameColumn(queryRunner, 'fills', 'fill_id', 'exchange_fill_id');
    // Statuses, the fill id's NOT NULL and the positions shape are left as they are: rows written
    // since may need them.
  }

  private async orders(queryRunner: QueryRunner): Promise<void> {
    await renameColumn(queryRunner, 'orders', 'reject_reason', 'reason');
    // sequence: the last event's; filled_notional_usd: Σ price × amount, exact (average = it / filled).
    await queryRunner.query(`
      ALTER TABLE orders
        ADD COLUMN IF NOT EXISTS sequence integer NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS filled_notional_usd numeric NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS fee_usd numeric NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS slippage_percent numeric NULL,
        DROP CONSTRAINT IF EXISTS orders_status_check,
        ADD CONSTRAINT orders_status_check CHECK (status IN (${STATUSES})),
        DROP CONSTRAINT IF EXISTS orders_sequence_check,
        ADD CONSTRAINT orders_sequence_check CHECK (sequence >= 0)`);
  }

  private async orderEvents(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE order_events
        ADD COLUMN IF NOT EXISTS sequence integer NULL,
        ADD COLUMN IF NOT EXISTS cause text NULL`);
    await queryRunner.query(`
      UPDATE order_events e SET sequence = numbered.n - 1
        FROM (SELECT id, row_number() OVER (PARTITION BY order_id ORDER BY id) AS n FROM order_events) numbered
       WHERE e.id = numbered.id AND e.sequence IS NULL`);
    await queryRunner.query(`UPDATE order_events SET cause = 'exchange' WHERE cause IS NULL`);
    // UNIQUE (order_id, sequence) is the last line against a stale write: two writers that loaded
    // the same version cannot both store their next event.
    await queryRunner.query(`
      ALTER TABLE order_events
        ALTER COLUMN sequence SET NOT NULL,
        ALTER COLUMN cause SET NOT NULL,
        DROP CONSTRAINT IF EXISTS order_events_status_check,
        ADD CONSTRAINT order_events_status_check CHECK (status IN (${STATUSES})),
        DROP CONSTRAINT IF EXISTS order_events_type_check,
        ADD CONSTRAINT order_events_type_check CHECK (type IN (${EVENT_TYPES})),
        DROP CONSTRAINT IF EXISTS order_events_cause_check,
        ADD CONSTRAINT order_events_cause_check CHECK (cause IN (${CAUSES})),
        DROP CONSTRAINT IF EXISTS order_events_sequence_check,
        ADD CONSTRAINT order_events_sequence_check CHECK (sequence >= 0),
        DROP CONSTRAINT IF EXISTS order_events_order_id_sequence_key,
        ADD CONSTRAINT order_events_order_id_sequence_key UNIQUE (order_id, sequence)`);
  }

  private async fills(queryRunner: QueryRunner): Promise<void> {
    // Every fill has an id now (paper fills too), so a re-delivered fill is stored once.
    await renameColumn(queryRunner, 'fills', 'exchange_fill_id', 'fill_id');
    await queryRunner.query(`
      ALTER TABLE fills
        ALTER COLUMN fill_id SET NOT NULL,
        ALTER COLUMN liquidity SET NOT NULL,
        DROP CONSTRAINT IF EXISTS fills_order_id_exchange_fill_id_key,
        DROP CONSTRAINT IF EXISTS fills_order_id_fill_id_key,
        ADD CONSTRAINT fills_order_id_fill_id_key UNIQUE (order_id, fill_id)`);
  }

  private async positions(queryRunner: QueryRunner): Promise<void> {
    const [legacy] = (await queryRunner.query(`
      SELECT (SELECT count(*) FROM positions)::int AS rows
        FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'positions' AND column_name = 'strategy_id'`)) as {
      rows: number;
    }[];
    if (legacy) {
      if (legacy.rows > 0) {
        throw new Error(
          'positions holds rows in the pre-domain shape (per strategy); move them out before migrating',
        );
      }
      await queryRunner.query(`DROP TABLE positions`);
    }
    // One net position per account (paper or live) and symbol; size is signed (negative = short).
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS positions (
        paper boolean NOT NULL,
        symbol text NOT NULL,
        size numeric NOT NULL,
        entry_price numeric NULL,
        realised_pnl_usd numeric NOT NULL DEFAULT 0,
        fees_usd numeric NOT NULL DEFAULT 0,
        updated_at timestamptz NULL,
        CONSTRAINT positions_pkey PRIMARY KEY (paper, symbol),
        CONSTRAINT positions_entry_price_check CHECK ((size = 0) = (entry_price IS NULL))
      )`);
  }

  private async breaker(queryRunner: QueryRunner): Promise<void> {
    await renameColumn(queryRunner, 'circuit_breaker_state', 'opened_at', 'changed_at');
    await queryRunner.query(`
      ALTER TABLE circuit_breaker_state
        ADD COLUMN IF NOT EXISTS last_error text NULL,
        ADD COLUMN IF NOT EXISTS changed_by text NULL,
        ADD COLUMN IF NOT EXISTS probe_in_flight boolean NOT NULL DEFAULT false`);
    // The audit trail: who (null for automatic changes), when, why, from and to.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS breaker_transitions (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        breaker text NOT NULL,
        from_state text NOT NULL CHECK (from_state IN (${BREAKER_STATES})),
        to_state text NOT NULL CHECK (to_state IN (${BREAKER_STATES})),
        at timestamptz NOT NULL,
        reason text NOT NULL,
        changed_by text NULL,
        consecutive_failures integer NOT NULL CHECK (consecutive_failures >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS breaker_transitions_breaker_at_idx ON breaker_transitions (breaker, at)`,
    );
  }
}

/** Renames a column of a table in the current schema when it still has its old name. */
async function renameColumn(
  queryRunner: QueryRunner,
  table: string,
  from: string,
  to: string,
): Promise<void> {
  const [found] = (await queryRunner.query(
    `SELECT 1 FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
    [table, from],
  )) as unknown[];
  if (found) {
    await queryRunner.query(`ALTER TABLE ${table} RENAME COLUMN ${from} TO ${to}`);
  }
}
