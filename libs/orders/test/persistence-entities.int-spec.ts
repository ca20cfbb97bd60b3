import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { ORDERS_ENTITIES } from '../src/infrastructure/persistence/orders.entities';

describe('orders entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database.stop();
  });

  it('match the migrated tables column for column: synchronizing would change nothing', async () => {
    const dataSource = await database.freshDataSource({ entities: ORDERS_ENTITIES });
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
