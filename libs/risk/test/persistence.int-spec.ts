import type { DataSource } from 'typeorm';

import { Decimal, uuidv7 } from '@nexwave/core';
import { startTestDatabase, type TestDatabase } from '@nexwave/database/testing';

import { RiskManager } from '../src/domain/risk-manager';
import { order, portfolio, position, T0 } from '../src/domain/testing/risk-fixtures';
import { RiskDailyLossEntity } from '../src/infrastructure/persistence/risk-daily-loss.entity';
import {
  fromRiskDecisionRow,
  toRiskDecisionRow,
} from '../src/infrastructure/persistence/risk-decision-row.mapper';
import { RiskDecisionEntity } from '../src/infrastructure/persistence/risk-decision.entity';
import { RISK_ENTITIES } from '../src/infrastructure/persistence/risk.entities';
import { TypeOrmRiskDecisionRepository } from '../src/infrastructure/persistence/typeorm-risk-decision.repository';

describe('risk decisions on the embedded TimescaleDB', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await startTestDatabase();
    dataSource = await database.freshDataSource({ entities: RISK_ENTITIES });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.stop();
  });

  it('the entity matches the migrated table column for column: synchronizing would change nothing', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });

  it('stores an approved and a rejected decision and reads them back unchanged, newest first per strategy', async () => {
    const manager = RiskManager.create();
    manager.observeEquity(new Decimal(100_000), T0);
    const book = portfolio(100_000, [position('ETH', '-10.5', '3999.99')]);
    const approved = manager.check(order({ amount: '0.125', price: '64000.5' }), book, T0);
    const rejected = manager.check(
      order({ clientOrderId: uuidv7(), amount: '0.0001', price: 64_000 }),
      book,
      new Date(T0.getTime() + 1000),
    );
    const repository = dataSource.getRepository(RiskDecisionEntity);

    await repository.insert([
      toRiskDecisionRow(uuidv7(), approved),
      toRiskDecisionRow(uuidv7(), rejected),
    ]);
    const rows = await repository.find({
      where: { strategyId: 's1' },
      order: { decidedAt: 'DESC' },
    });

    expect(rows.map(fromRiskDecisionRow)).toEqual([rejected, approved]);
    expect(rows.map((row) => [row.approved, row.failedRule])).toEqual([
      [false, 'order_size'],
      [true, null],
    ]);
  });

  it('refuses a row whose approval and failing rule disagree', async () => {
    const decision = RiskManager.create().check(order(), portfolio(100_000), T0);
    const row = { ...toRiskDecisionRow(uuidv7(), decision), failedRule: 'leverage' as const };

    await expect(dataSource.getRepository(RiskDecisionEntity).insert(row)).rejects.toThrow(
      /risk_decisions_approved_check/,
    );
  });

  it('serves per-strategy time queries from its index', async () => {
    const [index] = await dataSource.query<{ indexdef: string }[]>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'risk_decisions_strategy_id_decided_at_idx'`,
    );
    expect(index.indexdef).toMatch(/\(strategy_id, decided_at DESC\)$/);
  });

  it('keeps one decision per client order id and never lifts a stored stop of the day', async () => {
    const repository = new TypeOrmRiskDecisionRepository(
      dataSource.getRepository(RiskDecisionEntity),
      dataSource.getRepository(RiskDailyLossEntity),
    );
    const day = {
      utcDay: '2026-03-10',
      startEquityUsd: '100000',
      startedAt: T0,
      stoppedAt: new Date(T0.getTime() + 1000),
    };
    const first = RiskManager.create().check(
      order({ strategyId: 'keep', clientOrderId: uuidv7() }),
      portfolio(100_000),
      T0,
    );
    const second = RiskManager.create().check(
      order({ strategyId: 'keep', clientOrderId: uuidv7() }),
      portfolio(100_000),
      T0,
    );

    const saved = await repository.save(first, day);
    const replayed = await repository.save({ ...first, reason: 'another check' }, null);
    await repository.save(second, { ...day, startEquityUsd: '1', stoppedAt: null });

    expect(saved).toEqual({ decision: first, created: true });
    expect(replayed).toEqual({ decision: first, created: false });
    expect(await repository.loadDailyLoss('keep')).toEqual(day);
    expect(await repository.findByClientOrderId(first.clientOrderId)).toEqual(first);
  });
});
