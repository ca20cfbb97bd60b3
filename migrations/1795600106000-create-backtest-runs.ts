import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Backtest runs (`npm run backtest`, POST /api/v1/backtests): the request, progress in candles,
 * and once finished the summary, the round trips and a thinned equity curve (bounded jsonb), or
 * the error.
 */
export class CreateBacktestRuns1795600106000 implements MigrationInterface {
  readonly name = 'CreateBacktestRuns1795600106000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS backtest_runs (
        id uuid PRIMARY KEY,
        strategy text NOT NULL,
        parameters jsonb NOT NULL,
        symbols text[] NOT NULL,
        timeframe text NOT NULL,
        "from" timestamptz NOT NULL,
        "to" timestamptz NOT NULL,
        status text NOT NULL,
        candles_done integer NOT NULL DEFAULT 0,
        candles_total integer NOT NULL DEFAULT 0,
        summary jsonb,
        trades jsonb,
        equity_curve jsonb,
        error text,
        created_at timestamptz NOT NULL,
        finished_at timestamptz,
        CONSTRAINT backtest_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed'))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS backtest_runs_created_at_idx ON backtest_runs (created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS backtest_runs`);
  }
}
