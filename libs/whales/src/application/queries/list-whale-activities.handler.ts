import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { activityFilter } from './activity-filter';
import { ListWhaleActivitiesQuery } from './list-whale-activities.query';
import { WhaleReadModelPort, type WhaleActivityView } from './whale-read-model.port';

@QueryHandler(ListWhaleActivitiesQuery)
export class ListWhaleActivitiesHandler implements IQueryHandler<
  ListWhaleActivitiesQuery,
  WhaleActivityView[]
> {
  constructor(private readonly readModel: WhaleReadModelPort) {}

  execute({ input }: ListWhaleActivitiesQuery): Promise<WhaleActivityView[]> {
    return this.readModel.activities(activityFilter(input));
  }
}
