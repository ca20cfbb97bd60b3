import { DataSource, type EntityManager } from 'typeorm';

import { OutboxWriter, Topics } from '@nexwave/messaging';

import type {
  ActivityChanges,
  OpenedActivity,
  RecordOptions,
} from '../../application/ports/whale-activity-store.port';
import { WhaleActivityStorePort } from '../../application/ports/whale-activity-store.port';
import type { WhaleActivity } from '../../domain/activity-tracker';
import {
  INSERT_ACTIVITY,
  INSERT_ALERT,
  SELECT_MERGE_TARGET,
  UPDATE_SEEN_ACTIVITY,
} from './whales.sql';

/** Price ranges this close count as overlapping when merging (the tracker's default tolerance). */
const PRICE_TOLERANCE = 0.002;

/** One transaction per round: rows, whales.detected.v1 outbox messages and alert rows. */
export class TypeOrmWhaleActivityStore extends WhaleActivityStorePort {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  record(changes: ActivityChanges, options: RecordOptions): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const storedIds: string[] = [];
      for (const opened of changes.opened) {
        storedIds.push(await this.open(manager, opened, options));
      }
      for (const { storedId, activity } of changes.seen) {
        await manager.query(UPDATE_SEEN_ACTIVITY, [
          storedId,
          activity.lastSeenAt,
          ...latestColumns(activity),
          JSON.stringify({
            maxNotionalUsd: activity.maxNotionalUsd,
            maxConfidence: activity.maxConfidence,
            sightings: activity.sightings,
          }),
        ]);
      }
      return storedIds;
    });
  }

  private async open(
    manager: EntityManager,
    { activity, alerts }: OpenedActivity,
    options: RecordOptions,
  ): Promise<string> {
    const whale = activity.latest;
    const [target] = await manager.query<{ activity_id: string }[]>(SELECT_MERGE_TARGET, [
      activity.symbol,
      activity.side,
      activity.kind,
      new Date(activity.firstSeenAt.getTime() - options.mergeWindowMs),
      Number(whale.priceLow) * (1 - PRICE_TOLERANCE),
      Number(whale.priceHigh) * (1 + PRICE_TOLERANCE),
      options.openIds.filter((id) => id !== activity.id),
    ]);
    if (target) {
      await manager.query(UPDATE_SEEN_ACTIVITY, [
        target.activity_id,
        activity.lastSeenAt,
        ...latestColumns(activity),
        '{}',
      ]);
      return target.activity_id;
    }
    const detected = activity.detected;
    await manager.query(INSERT_ACTIVITY, [
      activity.id,
      activity.symbol,
      activity.side,
      activity.kind,
      ...latestColumns(activity),
      activity.firstSeenAt,
      activity.lastSeenAt,
      activity.priceAtDetection,
      JSON.stringify({
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
      }),
    ]);
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
    for (const alert of alerts) {
      await manager.query(INSERT_ALERT, [
        activity.id,
        alert.channel,
        JSON.stringify(alert.payload),
        options.now,
      ]);
    }
    return activity.id;
  }
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
