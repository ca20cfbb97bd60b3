import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { ImpactStorePort } from '../ports/impact-store.port';
import { ScheduleImpactMeasurementCommand } from './schedule-impact-measurement.command';

/** The schedule is a column of the activity's row: a restart still measures it. */
@CommandHandler(ScheduleImpactMeasurementCommand)
export class ScheduleImpactMeasurementHandler implements ICommandHandler<ScheduleImpactMeasurementCommand> {
  constructor(private readonly store: ImpactStorePort) {}

  execute({ activityId, dueAt }: ScheduleImpactMeasurementCommand): Promise<void> {
    return this.store.schedule(activityId, dueAt);
  }
}
