import type { DataSource } from 'typeorm';

import {
  PerformanceReadModelPort,
  type StrategyPerformanceView,
  type StrategyTradeView,
} from '../../application/queries/performance-read-model.port';
import { toPerformanceView, type PerformanceTextRow } from './performance-row.mapper';
import { SELECT_STRATEGY_PERFORMANCE, SELECT_STRATEGY_TRADES } from './strategy.sql';

/** Raw SQL over the DataSource alone: a read process need not register the strategy's entities. */
export class SqlPerformanceReadModel extends PerformanceReadModelPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async performance(strategyId: string): Promise<StrategyPerformanceView | null> {
    const [row] = await this.dataSource.query<PerformanceTextRow[]>(SELECT_STRATEGY_PERFORMANCE, [
      strategyId,
    ]);
    return row ? toPerformanceView(row) : null;
  }

  trades(strategyId: string, limit: number): Promise<StrategyTradeView[]> {
    return this.dataSource.query<StrategyTradeView[]>(SELECT_STRATEGY_TRADES, [strategyId, limit]);
  }
}
