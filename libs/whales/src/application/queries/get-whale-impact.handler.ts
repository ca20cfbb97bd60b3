import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { impactFilter } from './activity-filter';
import { GetWhaleImpactQuery } from './get-whale-impact.query';
import { WhaleReadModelPort, type WhaleImpactAverage } from './whale-read-model.port';

@QueryHandler(GetWhaleImpactQuery)
export class GetWhaleImpactHandler implements IQueryHandler<
  GetWhaleImpactQuery,
  WhaleImpactAverage[]
> {
  constructor(private readonly readModel: WhaleReadModelPort) {}

  execute({ input }: GetWhaleImpactQuery): Promise<WhaleImpactAverage[]> {
    return this.readModel.impactAverages(impactFilter(input));
  }
}
