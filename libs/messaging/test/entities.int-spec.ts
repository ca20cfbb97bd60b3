import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { MESSAGING_ENTITIES } from '../src/messaging.entities';

describe('messaging entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database.stop();
  });

  it('match the migrated outbox and inbox tables: synchronizing would change nothing', async () => {
    const dataSource = await database.freshDataSource({ entities: MESSAGING_ENTITIES });
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
