import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import type { BreakerSnapshot } from '../../domain/circuit-breaker';
import { BreakerRepository } from '../ports/breaker.repository.port';
import { GetBreakerStatusQuery } from './get-breaker-status.query';

@QueryHandler(GetBreakerStatusQuery)
export class GetBreakerStatusHandler implements IQueryHandler<
  GetBreakerStatusQuery,
  BreakerSnapshot
> {
  constructor(private readonly breakers: BreakerRepository) {}

  execute(): Promise<BreakerSnapshot> {
    return this.breakers.load();
  }
}
