import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { MARKET_DATA_ENTITIES } from '../src/infrastructure/persistence/market-data.entities';
import { TypeOrmTickStore } from '../src/infrastructure/persistence/typeorm-tick.store';

describe('market-data entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database.stop();
  });

  it('match the migrated tables column for column: synchronizing would change nothing', async () => {
    const dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('store gap records and dead letters (NUL escaped) through the repositories', async () => {
    const dataSource = await database.freshDataSource({ entities: MARKET_DATA_ENTITIES });
    try {
      const store = new TypeOrmTickStore(dataSource);
      const from = new Date('2026-03-01T11:00:00Z');
      const to = new Date('2026-03-01T11:01:00Z');
      await store.recordGap({
        symbol: 'BTC',
        from,
        to,
        reason: 'buffer_full',
        backfilledTrades: 0,
        unfilled: { from, to },
      });
      await store.deadLetter([
        { symbol: 'B\0TC', tradeId: null, payload: { price: 'x\0' }, reason: 'bad price' },
      ]);

      expect(
        await dataSource.query(
          `SELECT symbol, from_time, to_time, reason, backfilled_trades, unfilled_from, unfilled_to FROM market_data_gaps`,
        ),
      ).toEqual([
        {
          symbol: 'BTC',
          from_time: from,
          to_time: to,
          reason: 'buffer_full',
          backfilled_trades: 0,
          unfilled_from: from,
          unfilled_to: to,
        },
      ]);
      expect(
        await dataSource.query(`SELECT symbol, trade_id, payload, reason FROM ticks_dead_letter`),
      ).toEqual([
        { symbol: 'B\\0TC', trade_id: null, payload: { price: 'x\\0' }, reason: 'bad price' },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
