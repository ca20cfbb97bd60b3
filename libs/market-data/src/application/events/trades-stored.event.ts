import type { IEvent } from '@nestjs/cqrs';

import type { Tick } from '../../domain/tick';

/** A batch of trades is in the ticks table (`stored` new rows; replays of stored ones skipped). */
export class TradesStoredEvent implements IEvent {
  constructor(
    readonly stored: number,
    readonly duplicates: number,
    /** Oldest and newest backfilled trade of the batch; null when it held only live trades. */
    readonly backfilled: { from: Date; to: Date } | null,
    readonly storedAt: Date,
  ) {}

  static of(batch: readonly Tick[], stored: number, storedAt: Date): TradesStoredEvent {
    let from = Infinity;
    let to = -Infinity;
    for (const tick of batch) {
      if (tick.source === 'backfill') {
        from = Math.min(from, tick.time.getTime());
        to = Math.max(to, tick.time.getTime());
      }
    }
    const backfilled = from <= to ? { from: new Date(from), to: new Date(to) } : null;
    return new TradesStoredEvent(stored, batch.length - stored, backfilled, storedAt);
  }
}
