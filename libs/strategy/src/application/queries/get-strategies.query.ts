import { Query } from '@nestjs/cqrs';

import type { StrategyInstanceRecord } from '../ports/strategy-instance.repository.port';

/** Every strategy instance a trading engine has run, by id: strategy, parameters, state. */
export class GetStrategiesQuery extends Query<StrategyInstanceRecord[]> {}
