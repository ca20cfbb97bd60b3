import { MigrationInterface, QueryRunner } from 'typeorm';

import { CreateStrategyPerformance1795600007000 } from './1795600007000-create-strategy-performance';

/**
 * A strategy's performance, recorded by the trading engine: `strategy_trades` (closed round
 * trips, keyed by the order event that closed them) and `strategy_equity_points` (marked equity
 * per strategy and instant: at each candle close and each fill) are append-only, so a replayed
 * candle or order event adds no row; from them the engine re-measures after a restart.
 * `strategy_performance` is reshaped to one row per strategy, its latest figures (the first
 * shape, per period, was never written). `strategy_signals.order_event_at` keeps when an order
 * reached its stored state. Safe to run twice.
 */
export class StrategyPerformance1795600099000 implements MigrationInterface {
  readonly name = 'StrategyPerformance1795600099000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'strategy_performance'
                      AND column_name = 'period_start') THEN
          DROP TABLE strategy_performance;
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS strategy_performance (
        strategy_id text PRIMARY KEY,
        as_of timestamptz NOT NULL,
        starting_equity_usd numeric NOT NULL,
        equity_usd numeric NOT NULL,
        realised_pnl_usd numeric NOT NULL,
        unrealised_pnl_usd numeric NOT NULL,
        total_pnl_usd numeric NOT NULL,
        trade_count integer NOT NULL CHECK (trade_count >= 0),
        wins integer NOT NULL CHECK (wins >= 0),
        losses integer NOT NULL CHECK (losses >= 0),
        win_rate numeric NULL CHECK (win_rate BETWEEN 0 AND 1),
        sharpe numeric NULL,
        sortino numeric NULL,
        max_drawdown_usd numeric NOT NULL CHECK (max_drawdown_usd >= 0),
        max_drawdown_pct numeric NOT NULL CHECK (max_drawdown_pct >= 0),
        exposure numeric NULL CHECK (exposure BETWEEN 0 AND 1)
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS strategy_trades (
        strategy_id text NOT NULL,
        closing_order_id uuid NOT NULL,
        closing_sequence integer NOT NULL,
        symbol text NOT NULL,
        side text NOT NULL CONSTRAINT strategy_trades_side_check CHECK (side IN ('long', 'short')),
        quantity numeric NOT NULL CHECK (quantity > 0),
        entry_price numeric NOT NULL,
        exit_price numeric NOT NULL,
        fees_usd numeric NOT NULL,
        pnl_usd numeric NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz NOT NULL,
        PRIMARY KEY (strategy_id, closing_order_id, closing_sequence)
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS strategy_trades_strategy_id_closed_at_idx
        ON strategy_trades (strategy_id, closed_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS strategy_equity_points (
        strategy_id text NOT NULL,
        at timestamptz NOT NULL,
        equity_usd numeric NOT NULL,
        in_position boolean NOT NULL,
        PRIMARY KEY (strategy_id, at)
      )`);
    await queryRunner.query(
      `ALTER TABLE strategy_signals ADD COLUMN IF NOT EXISTS order_event_at timestamptz NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE strategy_signals DROP COLUMN IF EXISTS order_event_at`);
    await queryRunner.query(`DROP TABLE IF EXISTS strategy_equity_points`);
    await queryRunner.query(`DROP TABLE IF EXISTS strategy_trades`);
    await queryRunner.query(`DROP TABLE IF EXISTS strategy_performance`);
    await new CreateStrategyPerformance1795600007000().up(queryRunner);
  }
}
