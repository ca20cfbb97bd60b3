import { Query } from '@nestjs/cqrs';

import type { StrategyTradeView } from './performance-read-model.port';

/** A strategy's closed trades, newest first, at most `limit`. */
export class GetStrategyTradesQuery extends Query<StrategyTradeView[]> {
  constructor(
    readonly strategyId: string,
    readonly limit: number,
  ) {
    super();
  }
}
