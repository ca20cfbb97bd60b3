import type { DataSource } from 'typeorm';

import { PerformanceRepository } from '../../application/ports/performance.repository.port';
import type { StrategyPerformanceView } from '../../application/queries/performance-read-model.port';
import type { LedgerEntries } from '../../domain/engine/performance-ledger';
import {
  toEquityPoint,
  toPerformanceRow,
  toPointRow,
  toRoundTrip,
  toTradeRow,
} from './performance-row.mapper';
import { StrategyEquityPointEntity } from './strategy-equity-point.entity';
import { StrategyPerformanceEntity } from './strategy-performance.entity';
import { StrategyTradeEntity } from './strategy-trade.entity';

/**
 * Trips and points are keyed by their natural keys (closing order event; strategy and instant):
 * a trip is inserted once (ON CONFLICT DO NOTHING), a point at an instant is one row whose equity
 * the ledger may replace while it is the newest; the figures row is upserted.
 */
export class TypeOrmPerformanceRepository extends PerformanceRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async history(strategyId: string): Promise<LedgerEntries> {
    const [trips, points] = await Promise.all([
      this.dataSource.getRepository(StrategyTradeEntity).findBy({ strategyId }),
      this.dataSource.getRepository(StrategyEquityPointEntity).findBy({ strategyId }),
    ]);
    return { trips: trips.map(toRoundTrip), points: points.map(toEquityPoint) };
  }

  record(
    strategyId: string,
    added: LedgerEntries,
    figures: StrategyPerformanceView,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      if (added.trips.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(StrategyTradeEntity)
          .values(added.trips.map((trip) => toTradeRow(strategyId, trip)))
          .orIgnore()
          .execute();
      }
      if (added.points.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(StrategyEquityPointEntity)
          .values(added.points.map((point) => toPointRow(strategyId, point)))
          .orUpdate(['equity_usd', 'in_position'], ['strategy_id', 'at'])
          .execute();
      }
      await manager.upsert(StrategyPerformanceEntity, toPerformanceRow(figures), ['strategyId']);
    });
  }
}
