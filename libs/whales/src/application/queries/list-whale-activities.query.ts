import { Query } from '@nestjs/cqrs';

import type { ActivityFilterInput } from './activity-filter';
import type { WhaleActivityView } from './whale-read-model.port';

/** Whale activities, newest first. Throws WhalesQueryError on bad input. */
export class ListWhaleActivitiesQuery extends Query<WhaleActivityView[]> {
  constructor(readonly input: ActivityFilterInput) {
    super();
  }
}
