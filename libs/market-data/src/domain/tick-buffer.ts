/** When a batch is written, and how much may wait. */
export interface TickBufferPolicy {
  /** Flush as soon as this many are queued. */
  readonly batchSize: number;
  /** Flush whatever is queued once its oldest entry has waited this long. */
  readonly maxWaitMs: number;
  /** Queued plus in-flight entries never exceed this; offers beyond it are refused. */
  readonly capacity: number;
}

export const DEFAULT_TICK_BUFFER_POLICY: TickBufferPolicy = {
  batchSize: 5_000,
  maxWaitMs: 250,
  capacity: 100_000,
};

export interface OfferResult<T> {
  readonly accepted: number;
  /** What did not fit; the caller counts it (never a silent drop). */
  readonly refused: readonly T[];
}

/**
 * A bounded FIFO between the feed and the database. When full it refuses (the caller counts and
 * reports the refusal) rather than blocking the producer: the producer is a socket listener, and
 * blocking it would only move an unbounded queue into the socket's receive buffer.
 * A taken batch stays counted against the capacity until `settle`, so a batch being retried
 * while the database is down still occupies its room.
 */
export class TickBuffer<T> {
  private queue: T[] = [];
  private oldestAt: number | null = null;
  private inFlight = 0;

  constructor(readonly policy: TickBufferPolicy = DEFAULT_TICK_BUFFER_POLICY) {
    if (policy.batchSize < 1 || policy.capacity < policy.batchSize || policy.maxWaitMs < 0) {
      throw new RangeError('TickBuffer needs 1 <= batchSize <= capacity and maxWaitMs >= 0');
    }
  }

  /** Queued plus in flight. */
  get size(): number {
    return this.queue.length + this.inFlight;
  }

  get queued(): number {
    return this.queue.length;
  }

  offer(items: readonly T[], now: number): OfferResult<T> {
    const room = Math.max(0, this.policy.capacity - this.size);
    const accepted = items.length <= room ? items : items.slice(0, room);
    if (accepted.length > 0 && this.queue.length === 0) {
      this.oldestAt = now;
    }
    this.queue.push(...accepted);
    return {
      accepted: accepted.length,
      refused: accepted.length === items.length ? [] : items.slice(room),
    };
  }

  /** True when a full batch is queued or the oldest queued entry has waited `maxWaitMs`. */
  isDue(now: number): boolean {
    const wait = this.msUntilDue(now);
    return wait !== null && wait <= 0;
  }

  /** Milliseconds until the queue is due (<= 0: now); null when empty. */
  msUntilDue(now: number): number | null {
    if (this.queue.length === 0 || this.oldestAt === null) {
      return null;
    }
    if (this.queue.length >= this.policy.batchSize) {
      return 0;
    }
    return this.oldestAt + this.policy.maxWaitMs - now;
  }

  /** Removes up to `batchSize` entries, oldest first; they count as in flight until settled. */
  take(now: number): T[] {
    const batch = this.queue.splice(0, this.policy.batchSize);
    this.inFlight += batch.length;
    this.oldestAt = this.queue.length > 0 ? now : null;
    return batch;
  }

  /** A taken batch is done with (stored, deduplicated or dead-lettered): its room is free again. */
  settle(count: number): void {
    this.inFlight = Math.max(0, this.inFlight - count);
  }
}
