import { Command } from '@nestjs/cqrs';

import type { ActivityChanges, RecordOptions } from '../ports/whale-activity-store.port';

/** Records a detection round; results in the stored id of each opened activity, in order. */
export class RecordWhaleActivitiesCommand extends Command<string[]> {
  constructor(
    readonly changes: ActivityChanges,
    readonly options: RecordOptions,
  ) {
    super();
  }
}
