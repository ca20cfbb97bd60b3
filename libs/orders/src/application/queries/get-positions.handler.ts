import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import type { PositionSnapshot } from '../../domain/position';
import { PositionRepository } from '../ports/position.repository.port';
import { GetPositionsQuery } from './get-positions.query';

@QueryHandler(GetPositionsQuery)
export class GetPositionsHandler implements IQueryHandler<GetPositionsQuery, PositionSnapshot[]> {
  constructor(private readonly positions: PositionRepository) {}

  execute({ paperTrading }: GetPositionsQuery): Promise<PositionSnapshot[]> {
    return this.positions.list(paperTrading);
  }
}
