import { Query } from '@nestjs/cqrs';

import type { ActivityFilterInput } from './activity-filter';
import type { WhaleImpactAverage } from './whale-read-model.port';

/** Average market impact per symbol and kind. Throws WhalesQueryError on bad input. */
export class GetWhaleImpactQuery extends Query<WhaleImpactAverage[]> {
  constructor(readonly input: Pick<ActivityFilterInput, 'symbol' | 'since'>) {
    super();
  }
}
