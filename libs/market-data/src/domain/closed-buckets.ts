import { TIMEFRAMES, type Timeframe } from './timeframe';

/** Width of each timeframe's bucket. Buckets are aligned to the Unix epoch, as time_bucket's are. */
export const TIMEFRAME_MS: Record<Timeframe, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
};

/**
 * How long after its end a bucket is read as closed: trades reach the database a few seconds
 * after their exchange time (feed latency, the tick writer's batching), so a bucket read at its
 * very end would miss its last trades.
 */
export const CANDLE_CLOSE_GRACE_MS = 10_000;

export interface ClosedBucket {
  timeframe: Timeframe;
  start: Date;
}

/**
 * The buckets of every timeframe that become due in (after, upTo], a bucket being due `graceMs`
 * after its end; by end, then smallest timeframe first.
 */
export function bucketsDueBetween(after: Date, upTo: Date, graceMs: number): ClosedBucket[] {
  const firstEnd = after.getTime() - graceMs;
  const lastEnd = upTo.getTime() - graceMs;
  const due: { end: number; bucket: ClosedBucket }[] = [];
  TIMEFRAMES.forEach((timeframe) => {
    const width = TIMEFRAME_MS[timeframe];
    for (let end = Math.floor(firstEnd / width) * width + width; end <= lastEnd; end += width) {
      due.push({ end, bucket: { timeframe, start: new Date(end - width) } });
    }
  });
  return due
    .sort(
      (a, b) =>
        a.end - b.end ||
        TIMEFRAMES.indexOf(a.bucket.timeframe) - TIMEFRAMES.indexOf(b.bucket.timeframe),
    )
    .map(({ bucket }) => bucket);
}

/** When the next bucket (a minute's, the narrowest) becomes due after `now`. */
export function nextDueAt(now: Date, graceMs: number): Date {
  const width = TIMEFRAME_MS['1m'];
  const end = Math.floor((now.getTime() - graceMs) / width) * width + width;
  return new Date(end + graceMs);
}

/**
 * Which closed buckets are still to be published: those due since the cursor, less those already
 * done. Starts at a given instant, so a restarted process never replays older buckets, and never
 * hands out a bucket twice once it is marked done.
 */
export class CandleCloseCursor {
  private checkedUpTo: Date;
  private readonly done = new Set<string>();

  constructor(
    start: Date,
    readonly graceMs: number = CANDLE_CLOSE_GRACE_MS,
  ) {
    this.checkedUpTo = start;
  }

  due(now: Date): ClosedBucket[] {
    return bucketsDueBetween(this.checkedUpTo, now, this.graceMs).filter(
      (bucket) => !this.done.has(bucketKey(bucket)),
    );
  }

  markDone(bucket: ClosedBucket): void {
    this.done.add(bucketKey(bucket));
  }

  /** Every bucket due by `now` is done: later calls start from `now`. */
  advance(now: Date): void {
    if (now > this.checkedUpTo) {
      this.checkedUpTo = now;
      this.done.clear();
    }
  }
}

function bucketKey(bucket: ClosedBucket): string {
  return `${bucket.timeframe}@${bucket.start.getTime()}`;
}
