import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every signal the trading engine acted on: what the strategy said (with its indicator values),
 * the amount rounded to the lot, the risk verdict and the outcome. The client order id is unique:
 * a replayed candle or a restart stores nothing twice and so sends no second order. The order's
 * last applied state (sequence, filled amount, average price, fee) rebuilds the strategy's
 * positions after a restart. Read per strategy over time. Safe to run twice.
 */
export class CreateStrategySignals1795600098000 implements MigrationInterface {
  readonly name = 'CreateStrategySignals1795600098000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS strategy_signals (
        client_order_id uuid PRIMARY KEY,
        strategy_id text NOT NULL,
        symbol text NOT NULL,
        side text NOT NULL CONSTRAINT strategy_signals_side_check CHECK (side IN ('bid', 'ask')),
        intent text NOT NULL
          CONSTRAINT strategy_signals_intent_check CHECK (intent IN ('entry', 'exit')),
        size numeric NOT NULL,
        amount numeric NULL,
        price numeric NOT NULL,
        stop_loss numeric NULL,
        take_profit numeric NULL,
        reason text NOT NULL,
        indicators jsonb NOT NULL,
        bucket_start timestamptz NOT NULL,
        risk_approved boolean NULL,
        risk_rule text NULL,
        risk_reason text NULL,
        status text NOT NULL CONSTRAINT strategy_signals_status_check
          CHECK (status IN ('sent', 'rejected', 'below_lot')),
        created_at timestamptz NOT NULL,
        order_sequence integer NULL,
        filled_amount numeric NULL,
        average_fill_price numeric NULL,
        fee_usd numeric NULL,
        CONSTRAINT strategy_signals_sent_check
          CHECK ((status = 'sent') = (risk_approved IS TRUE AND amount IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS strategy_signals_strategy_id_created_at_idx
        ON strategy_signals (strategy_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS strategy_signals`);
  }
}
