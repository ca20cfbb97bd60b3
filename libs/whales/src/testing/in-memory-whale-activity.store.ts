import {
  WhaleActivityStorePort,
  type ActivityChanges,
  type RecordOptions,
} from '../application/ports/whale-activity-store.port';

/** Keeps the recorded rounds; an activity told to merge gets the given stored id instead of its own. */
export class InMemoryWhaleActivityStore extends WhaleActivityStorePort {
  readonly rounds: { changes: ActivityChanges; options: RecordOptions }[] = [];
  private readonly merges = new Map<string, string>();

  mergeInto(activityId: string, storedId: string): void {
    this.merges.set(activityId, storedId);
  }

  record(changes: ActivityChanges, options: RecordOptions): Promise<string[]> {
    this.rounds.push({ changes, options });
    return Promise.resolve(
      changes.opened.map(({ activity }) => this.merges.get(activity.id) ?? activity.id),
    );
  }
}
