import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { StrategyError } from '../../domain/strategy.errors';
import {
  StrategyInstanceRepository,
  type StrategyInstanceRecord,
} from '../ports/strategy-instance.repository.port';
import { GetStrategyQuery } from './get-strategy.query';

@QueryHandler(GetStrategyQuery)
export class GetStrategyHandler implements IQueryHandler<GetStrategyQuery> {
  constructor(private readonly instances: StrategyInstanceRepository) {}

  async execute({ strategyId }: GetStrategyQuery): Promise<StrategyInstanceRecord> {
    return (await this.instances.find(strategyId)) ?? notFound(strategyId);
  }
}

export function notFound(strategyId: string): never {
  throw new StrategyError('STRATEGY_NOT_FOUND', `no strategy instance is named ${strategyId}`, {
    strategyId,
  });
}
