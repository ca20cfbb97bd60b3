import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import { WhaleDetectedEvent } from '../events/whale-detected.event';
import { WhaleActivityStorePort } from '../ports/whale-activity-store.port';
import { RecordWhaleActivitiesCommand } from './record-whale-activities.command';

/**
 * Saves the round in one transaction (activities, whales.detected.v1 outbox rows, alert rows),
 * then publishes a WhaleDetectedEvent for each activity that got its own row (not merged).
 */
@CommandHandler(RecordWhaleActivitiesCommand)
export class RecordWhaleActivitiesHandler implements ICommandHandler<RecordWhaleActivitiesCommand> {
  constructor(
    private readonly store: WhaleActivityStorePort,
    private readonly events: EventBus,
  ) {}

  async execute({ changes, options }: RecordWhaleActivitiesCommand): Promise<string[]> {
    const storedIds = await this.store.record(changes, options);
    const detected = changes.opened
      .map(({ activity }) => activity)
      .filter((activity, i) => storedIds[i] === activity.id)
      .map(
        (a) =>
          new WhaleDetectedEvent(
            a.id,
            a.symbol,
            a.side,
            a.kind,
            a.detected.notionalUsd,
            a.firstSeenAt,
            options.now,
          ),
      );
    this.events.publishAll(detected);
    return storedIds;
  }
}
