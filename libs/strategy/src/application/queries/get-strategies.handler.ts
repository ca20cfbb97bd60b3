import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import {
  StrategyInstanceRepository,
  type StrategyInstanceRecord,
} from '../ports/strategy-instance.repository.port';
import { GetStrategiesQuery } from './get-strategies.query';

@QueryHandler(GetStrategiesQuery)
export class GetStrategiesHandler implements IQueryHandler<GetStrategiesQuery> {
  constructor(private readonly instances: StrategyInstanceRepository) {}

  execute(): Promise<StrategyInstanceRecord[]> {
    return this.instances.list();
  }
}
