import type { DataSource } from 'typeorm';

import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { pause } from '../src/domain/engine/strategy-control';
import { StrategyInstanceEntity } from '../src/infrastructure/persistence/strategy-instance.entity';
import { STRATEGY_ENTITIES } from '../src/infrastructure/persistence/strategy.entities';
import { TypeOrmStrategyInstanceRepository } from '../src/infrastructure/persistence/typeorm-strategy-instance.repository';

const T0 = new Date('2026-01-15T00:00:00Z');
const T1 = new Date('2026-01-15T01:00:00Z');
const T2 = new Date('2026-01-15T02:00:00Z');

describe('strategy_instances (TypeOrmStrategyInstanceRepository)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let instances: TypeOrmStrategyInstanceRepository;

  beforeAll(async () => {
    database = await startTestDatabase();
    dataSource = await database.freshDataSource({ entities: STRATEGY_ENTITIES });
    instances = new TypeOrmStrategyInstanceRepository(
      dataSource.getRepository(StrategyInstanceEntity),
    );
  });

  afterAll(() => database?.stop());

  it('the entities match the migrated tables: synchronizing would change nothing', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });

  it('registers a new instance running, and a restart keeps its pause but takes the new parameters', async () => {
    const first = await instances.register(
      { id: 'mr_1', name: 'mean_reversion', parameters: { lookback: 20 } },
      T0,
    );
    expect(first).toEqual({ state: 'running', pausedReason: null, changedBy: null, updatedAt: T0 });

    const paused = pause(first, 'funding', 'api-key:a', T1);
    await instances.saveControl('mr_1', paused);
    const restarted = await instances.register(
      { id: 'mr_1', name: 'mean_reversion', parameters: { lookback: 30 } },
      T2,
    );

    expect(restarted).toEqual(paused);
    expect(await instances.find('mr_1')).toEqual({
      id: 'mr_1',
      name: 'mean_reversion',
      parameters: { lookback: 30 },
      control: paused,
      startedAt: T2,
    });
    expect(await instances.find('nope')).toBeNull();
  });

  it('lists every instance by id', async () => {
    await instances.register({ id: 'ma_0', name: 'ma_crossover', parameters: {} }, T0);
    expect((await instances.list()).map((instance) => instance.id)).toEqual(['ma_0', 'mr_1']);
  });
});
