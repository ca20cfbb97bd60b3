import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWhaleTradePrices1795600092000 implements MigrationInterface {
  readonly name = 'CreateWhaleTradePrices1795600092000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The whales context's own record of trade prices, read from the trades:{SYMBOL} streams
    // market-data publishes: the last trade of each second per symbol, enough to measure impact
    // without reading market-data's ticks. Old seconds are deleted by the impact measurer.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS whale_trade_prices (
        symbol text NOT NULL,
        second timestamptz NOT NULL,
        time timestamptz NOT NULL,
        price numeric NOT NULL CHECK (price > 0),
        PRIMARY KEY (symbol, second)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS whale_trade_prices_symbol_time_idx ON whale_trade_prices (symbol, time DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS whale_trade_prices`);
  }
}
