import type { DataSource } from 'typeorm';

import { createDataSource } from '@nexwave/database';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';
import { OutboxWriter, Topics } from '@nexwave/messaging';

import { CircuitBreaker } from '../src/domain/circuit-breaker';
import { CircuitBreakerStateEntity } from '../src/infrastructure/persistence/circuit-breaker-state.entity';
import { OrderEntity } from '../src/infrastructure/persistence/order.entity';
import { ORDERS_ENTITIES } from '../src/infrastructure/persistence/orders.entities';
import { PositionEntity } from '../src/infrastructure/persistence/position.entity';
import { TypeOrmBreakerRepository } from '../src/infrastructure/persistence/typeorm-breaker.repository';
import { TypeOrmOrderRepository } from '../src/infrastructure/persistence/typeorm-order.repository';
import { TypeOrmPositionRepository } from '../src/infrastructure/persistence/typeorm-position.repository';
import { orderStorageContract, type OrderStorage } from './persistence.suite';

function typeOrmStorage(dataSource: DataSource): OrderStorage {
  const count = async (table: string) => {
    const [row] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${table}`,
    );
    return row.n;
  };
  return {
    orders: new TypeOrmOrderRepository(dataSource.getRepository(OrderEntity), new OutboxWriter()),
    positions: new TypeOrmPositionRepository(dataSource.getRepository(PositionEntity)),
    breaker: new TypeOrmBreakerRepository(
      dataSource.getRepository(CircuitBreakerStateEntity),
      new OutboxWriter(),
    ),
    published: async () =>
      (
        await dataSource.query<{ envelope: { payload: unknown } }[]>(
          `SELECT envelope FROM outbox_messages WHERE topic = $1 ORDER BY position`,
          [Topics.OrdersEvents],
        )
      ).map((row) => row.envelope.payload),
    stored: async () => ({
      orders: await count('orders'),
      events: await count('order_events'),
      fills: await count('fills'),
      positions: await count('positions'),
    }),
  };
}

describe('TypeORM orders storage on the embedded TimescaleDB', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await database.stop();
  });

  orderStorageContract(() => ({
    open: async () => {
      if (dataSource?.isInitialized) {
        await dataSource.destroy(); // a reopened one: PGlite must never see two clients at once
      }
      dataSource = await database.freshDataSource({ entities: ORDERS_ENTITIES });
      return typeOrmStorage(dataSource);
    },
    // A restart: the old DataSource goes away and a new one connects to the same schema.
    reopen: async () => {
      const schema = dataSource.driver.schema!;
      await dataSource.destroy();
      dataSource = createDataSource({
        url: database.url,
        embedded: true,
        schema,
        entities: ORDERS_ENTITIES,
      });
      await dataSource.initialize();
      await dataSource.query(`SET search_path TO "${schema}", public`);
      return typeOrmStorage(dataSource);
    },
  }));

  it('announces each breaker transition on orders.breaker.v1 through the outbox', async () => {
    if (dataSource?.isInitialized) {
      await dataSource.destroy();
    }
    dataSource = await database.freshDataSource({ entities: ORDERS_ENTITIES });
    const { breaker } = typeOrmStorage(dataSource);
    const breakers = CircuitBreaker.create();
    const at = new Date('2026-01-15T12:00:00Z');
    const transitions = breakers.halt('exchange maintenance', 'admin:ops', at);
    await breaker.save(breakers.snapshot(), transitions);
    const rows = await dataSource.query<{ envelope: { payload: unknown } }[]>(
      `SELECT envelope FROM outbox_messages WHERE topic = $1`,
      [Topics.OrdersBreaker],
    );
    expect(rows.map((row) => row.envelope.payload)).toEqual([
      {
        from: 'closed',
        to: 'halted',
        at: '2026-01-15T12:00:00.000Z',
        reason: 'exchange maintenance',
        by: 'admin:ops',
        consecutiveFailures: 0,
      },
    ]);
  });
});
