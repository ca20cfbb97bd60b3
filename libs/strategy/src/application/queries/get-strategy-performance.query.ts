import { Query } from '@nestjs/cqrs';

import type { StrategyPerformanceView } from './performance-read-model.port';

/** A strategy's latest stored performance figures; null for a strategy with none. */
export class GetStrategyPerformanceQuery extends Query<StrategyPerformanceView | null> {
  constructor(readonly strategyId: string) {
    super();
  }
}
