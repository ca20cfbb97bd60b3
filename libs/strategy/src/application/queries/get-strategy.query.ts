import { Query } from '@nestjs/cqrs';

import type { StrategyInstanceRecord } from '../ports/strategy-instance.repository.port';

/** One strategy instance; STRATEGY_NOT_FOUND when none has this id. */
export class GetStrategyQuery extends Query<StrategyInstanceRecord> {
  constructor(readonly strategyId: string) {
    super();
  }
}
