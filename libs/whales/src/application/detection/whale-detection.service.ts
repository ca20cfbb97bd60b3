import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';

import { ActivityTracker, type WhaleActivity } from '../../domain/activity-tracker';
import {
  discordAlert,
  discordUpdateAlert,
  telegramAlert,
  telegramUpdateAlert,
} from '../../domain/alert-message';
import type { DetectionRules } from '../../domain/detection-rules';
import type { OrderBookSnapshot } from '../../domain/order-book';
import { trackerOptions, type TrackingSettings } from '../../domain/tracking-settings';
import { RecordWhaleActivitiesCommand } from '../commands/record-whale-activities.command';
import type { AlertChannelName, QueuedAlert } from '../ports/alert-channel.port';

export interface WhaleDetectionOptions {
  readonly rules: DetectionRules;
  /** Channels that get an alert row for each new activity (and each update alert). */
  readonly channels: readonly AlertChannelName[];
  /** Time between detection runs: the tracker's grace period is counted in runs. */
  readonly detectionIntervalMs: number;
  /** The tracker's settings (DEFAULT_TRACKING_SETTINGS unless a test says otherwise). */
  readonly tracking?: TrackingSettings;
  /**
   * A new activity overlapping one stored and last seen this recently continues it (see
   * WhaleActivityStorePort.record): the same whale seen by another replica, or before a restart.
   */
  readonly mergeWindowMs: number;
  readonly newId: (at: Date) => string;
}

export interface DetectionRound {
  /** Symbols with a new book since the previous round. */
  readonly books: number;
  readonly opened: number;
  readonly updated: number;
  readonly closed: number;
}

/**
 * The detection loop (a plain service). Keeps the latest book of each symbol (an older snapshot is worthless once a newer one exists)
 * and, on each round, detects whales in the books that changed, follows them across rounds with
 * the ActivityTracker and records what changed with a RecordWhaleActivitiesCommand. Rounds never overlap. If recording fails, the
 * changes are kept and recorded with the next round, so no activity or alert is lost.
 */
export class WhaleDetectionService {
  private readonly logger = new Logger(WhaleDetectionService.name);
  private readonly tracker: ActivityTracker;
  private readonly latest = new Map<string, OrderBookSnapshot>();
  private readonly changed = new Set<string>();
  /** Tracker id -> stored id, for activities merged into another replica's row. */
  private readonly storedIds = new Map<string, string>();
  private readonly unsavedOpened = new Map<string, WhaleActivity>();
  private readonly unsavedSeen = new Map<string, WhaleActivity>();
  private readonly unsavedClosed = new Set<string>();
  /** Seen activities due an update alert (a material size change, rate-limited by the tracker). */
  private readonly unsavedResized = new Set<string>();
  private round?: Promise<DetectionRound>;

  constructor(
    private readonly commands: CommandBus,
    private readonly options: WhaleDetectionOptions,
  ) {
    this.tracker = new ActivityTracker(
      trackerOptions(options.rules, options.detectionIntervalMs, options.newId, options.tracking),
    );
  }

  /** Takes a snapshot from the stream; keeps it only when it is the symbol's newest. */
  offer(book: OrderBookSnapshot): void {
    const current = this.latest.get(book.symbol);
    if (!current || book.time.getTime() >= current.time.getTime()) {
      this.latest.set(book.symbol, book);
      this.changed.add(book.symbol);
    }
  }

  get openActivities(): number {
    return this.tracker.openActivities.length;
  }

  /** One detection round; a call during a round waits for that round instead of starting one. */
  runOnce(now: Date): Promise<DetectionRound> {
    this.round ??= this.detect(now).finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private async detect(now: Date): Promise<DetectionRound> {
    const symbols = [...this.changed];
    this.changed.clear();
    let opened = 0;
    let updated = 0;
    let closed = 0;
    for (const symbol of symbols) {
      const book = this.latest.get(symbol)!;
      const update = this.tracker.observe(book);
      update.opened.forEach((activity) => this.unsavedOpened.set(activity.id, activity));
      update.updated.forEach((activity) => this.noteSeen(activity));
      update.resized
        .filter((activity) => !this.unsavedOpened.has(activity.id))
        .forEach((activity) => this.unsavedResized.add(activity.id));
      update.closed.forEach((activity) => this.noteSeen(activity, true));
      opened += update.opened.length;
      updated += update.updated.length;
      closed += update.closed.length;
    }
    const expired = this.tracker.expire(now);
    expired.forEach((activity) => this.noteSeen(activity, true));
    closed += expired.length;
    await this.save(now);
    return { books: symbols.length, opened, updated, closed };
  }

  private noteSeen(activity: WhaleActivity, isClosed = false): void {
    if (this.unsavedOpened.has(activity.id)) {
      this.unsavedOpened.set(activity.id, activity);
    } else {
      this.unsavedSeen.set(activity.id, activity);
    }
    if (isClosed) {
      this.unsavedClosed.add(activity.id);
    }
  }

  private async save(now: Date): Promise<void> {
    if (this.unsavedOpened.size === 0 && this.unsavedSeen.size === 0) {
      return;
    }
    const opened = [...this.unsavedOpened.values()];
    const seen = [...this.unsavedSeen.values()];
    try {
      const storedIds = await this.commands.execute(
        new RecordWhaleActivitiesCommand(
          {
            opened: opened.map((activity) => ({ activity, alerts: this.alertsFor(activity) })),
            seen: seen.map((activity) => ({
              storedId: this.storedIds.get(activity.id) ?? activity.id,
              activity,
              alerts: this.unsavedResized.has(activity.id) ? this.updateAlertsFor(activity) : [],
            })),
          },
          {
            now,
            mergeWindowMs: this.options.mergeWindowMs,
            openIds: this.tracker.openActivities.map((a) => this.storedIds.get(a.id) ?? a.id),
          },
        ),
      );
      opened.forEach((activity, i) => this.storedIds.set(activity.id, storedIds[i]));
    } catch (error) {
      this.logger.error(
        `Recording ${opened.length} new and ${seen.length} seen whale activities failed, retrying next round: ${String(error)}`,
      );
      return;
    }
    this.unsavedClosed.forEach((id) => this.storedIds.delete(id));
    this.unsavedClosed.clear();
    this.unsavedResized.clear();
    this.unsavedOpened.clear();
    this.unsavedSeen.clear();
  }

  private updateAlertsFor(activity: WhaleActivity): QueuedAlert[] {
    return this.options.channels.map((channel) => ({
      channel,
      payload:
        channel === 'telegram'
          ? { text: telegramUpdateAlert(activity).text }
          : discordUpdateAlert(activity),
    }));
  }

  private alertsFor(activity: WhaleActivity): QueuedAlert[] {
    return this.options.channels.map((channel) => ({
      channel,
      payload:
        channel === 'telegram' ? { text: telegramAlert(activity).text } : discordAlert(activity),
    }));
  }
}
