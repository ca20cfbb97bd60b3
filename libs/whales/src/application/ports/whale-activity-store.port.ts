import type { WhaleActivity } from '../../domain/activity-tracker';
import type { QueuedAlert } from './alert-channel.port';

export interface OpenedActivity {
  readonly activity: WhaleActivity;
  /** One per configured channel; empty when no channel is configured. */
  readonly alerts: readonly QueuedAlert[];
}

export interface SeenActivity {
  /** The stored activity it continues (its own id, or the one it was merged into). */
  readonly storedId: string;
  readonly activity: WhaleActivity;
  /** Update alerts (revision activity.updateAlerts), one per channel; usually none. */
  readonly alerts?: readonly QueuedAlert[];
}

export interface ActivityChanges {
  readonly opened: readonly OpenedActivity[];
  /** Updated or closed since the last round: last seen time, size and notional move. */
  readonly seen: readonly SeenActivity[];
}

export interface RecordOptions {
  /** The round's time: alerts are due from it. */
  readonly now: Date;
  /** How far back an overlapping stored activity is continued instead of opening a new one. */
  readonly mergeWindowMs: number;
  /** Stored ids of the activities this process holds open: never merge targets. */
  readonly openIds: readonly string[];
}

/**
 * whale_activities, their whales.detected.v1 message and their alert outbox rows: everything of a
 * round commits together, so a restart neither loses an alert nor sends one twice.
 */
export abstract class WhaleActivityStorePort {
  /**
   * Records a round. Returns the stored id of each opened activity, in order: its own id, or the
   * id of an overlapping activity (same symbol, side, kind and price range) last seen within
   * `mergeWindowMs` before it, which another replica or the process before a restart recorded.
   * A merged activity gets no second row, message or alert.
   */
  abstract record(changes: ActivityChanges, options: RecordOptions): Promise<string[]>;
}
