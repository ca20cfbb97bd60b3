import type { EntityManager, Repository } from 'typeorm';

import { OutboxWriter, Topics } from '@nexwave/messaging';

import type { QueuedAlert } from '../../application/ports/alert-channel.port';
import type {
  ActivityChanges,
  OpenedActivity,
  RecordOptions,
} from '../../application/ports/whale-activity-store.port';
import { WhaleActivityStorePort } from '../../application/ports/whale-activity-store.port';
import type { WhaleActivity } from '../../domain/activity-tracker';
import { WhaleActivityEntity } from './whale-activity.entity';
import { WhaleAlertEntity } from './whale-alert.entity';
import { SELECT_MERGE_TARGET, UPDATE_SEEN_ACTIVITY } from './whales.sql';

/** Price ranges this close count as overlapping when merging (the tracker's default tolerance). */
const PRICE_TOLERANCE = 0.002;

/**
 * One transaction per round: rows, whales.detected.v1 outbox messages and alert rows. New rows go
 * through the entities; the merge lookup and the seen update (GREATEST, jsonb merge) stay in SQL.
 */
export class TypeOrmWhaleActivityStore extends WhaleActivityStorePort {
  constructor(
    private readonly activities: Repository<WhaleActivityEntity>,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  record(changes: ActivityChanges, options: RecordOptions): Promise<string[]> {
    return this.activities.manager.transaction(async (manager) => {
      const storedIds: string[] = [];
      for (const opened of changes.opened) {
        storedIds.push(await this.open(manager, opened, options));
      }
      for (const { storedId, activity, alerts } of changes.seen) {
        await manager.query(UPDATE_SEEN_ACTIVITY, [
          storedId,
          activity.lastSeenAt,
          ...latestColumns(activity),
          JSON.stringify({
            maxNotionalUsd: activity.maxNotionalUsd,
            maxConfidence: activity.maxConfidence,
            sightings: activity.sightings,
            changes: activity.changes,
          }),
          activity.kind,
        ]);
        await queueAlerts(manager, storedId, alerts ?? [], activity.updateAlerts, options.now);
      }
      return storedIds;
    });
  }

  private async open(
    manager: EntityManager,
    { activity, alerts }: OpenedActivity,
    options: RecordOptions,
  ): Promise<string> {
    const latest = activity.latest;
    const [target] = await manager.query<{ activity_id: string }[]>(SELECT_MERGE_TARGET, [
      activity.symbol,
      activity.side,
      activity.kind,
      new Date(activity.firstSeenAt.getTime() - options.mergeWindowMs),
      Number(latest.priceLow) * (1 - PRICE_TOLERANCE),
      Number(latest.priceHigh) * (1 + PRICE_TOLERANCE),
      options.openIds.filter((id) => id !== activity.id),
    ]);
    if (target) {
      await manager.query(UPDATE_SEEN_ACTIVITY, [
        target.activity_id,
        activity.lastSeenAt,
        ...latestColumns(activity),
        '{}',
        activity.kind,
      ]);
      return target.activity_id;
    }
    const detected = activity.detected;
    await manager.getRepository(WhaleActivityEntity).insert({
      activityId: activity.id,
      symbol: activity.symbol,
      side: activity.side,
      kind: activity.kind,
      priceLow: latest.priceLow,
      priceHigh: latest.priceHigh,
      size: latest.size,
      notionalUsd: latest.notionalUsd,
      levelCount: latest.levels.length,
      orderCount: latest.orderCount,
      confidence: String(latest.confidence),
      firstSeenAt: activity.firstSeenAt,
      lastSeenAt: activity.lastSeenAt,
      detectedAt: activity.firstSeenAt,
      priceAtDetection: activity.priceAtDetection,
      metadata: {
        levels: detected.levels,
        detected: {
          priceLow: detected.priceLow,
          priceHigh: detected.priceHigh,
          size: detected.size,
          notionalUsd: detected.notionalUsd,
          confidence: detected.confidence,
          standout: Number.isFinite(detected.standout) ? detected.standout : null,
        },
        maxNotionalUsd: activity.maxNotionalUsd,
        maxConfidence: activity.maxConfidence,
        sightings: activity.sightings,
      },
    });
    await this.outbox.write(manager, Topics.WhalesDetected, {
      activityId: activity.id,
      symbol: activity.symbol,
      side: activity.side,
      kind: activity.kind,
      priceLow: detected.priceLow,
      priceHigh: detected.priceHigh,
      size: detected.size,
      notionalUsd: detected.notionalUsd,
      levels: detected.levels.length,
      orderCount: detected.orderCount,
      confidence: detected.confidence,
      firstSeenAt: activity.firstSeenAt.toISOString(),
      lastSeenAt: activity.lastSeenAt.toISOString(),
    });
    await queueAlerts(manager, activity.id, alerts, 0, options.now);
    return activity.id;
  }
}

/** One alert per activity, channel and revision, whatever happens (the unique key). */
async function queueAlerts(
  manager: EntityManager,
  activityId: string,
  alerts: readonly QueuedAlert[],
  revision: number,
  now: Date,
): Promise<void> {
  if (alerts.length === 0) {
    return;
  }
  await manager
    .createQueryBuilder()
    .insert()
    .into(WhaleAlertEntity)
    .values(
      alerts.map((alert) => ({
        activityId,
        channel: alert.channel,
        revision,
        payload: alert.payload,
        nextAttemptAt: now,
      })),
    )
    .orIgnore()
    .execute();
}

/** price_low, price_high, size, notional_usd, level_count, order_count, confidence: as last seen. */
function latestColumns(activity: WhaleActivity): (string | number)[] {
  const whale = activity.latest;
  return [
    whale.priceLow,
    whale.priceHigh,
    whale.size,
    whale.notionalUsd,
    whale.levels.length,
    whale.orderCount,
    whale.confidence,
  ];
}
