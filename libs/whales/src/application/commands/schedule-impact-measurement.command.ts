import { Command } from '@nestjs/cqrs';

/** Records, durably, when a new activity's first impact measurement is due. */
export class ScheduleImpactMeasurementCommand extends Command<void> {
  constructor(
    readonly activityId: string,
    readonly dueAt: Date,
  ) {
    super();
  }
}
