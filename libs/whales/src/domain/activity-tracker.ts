import { Decimal } from '@nexwave/core';

import { BookSide, OrderBookSnapshot, referencePrice } from './order-book';
import { WhaleCandidate, WhaleKind } from './whale-candidate';
import { WhalesError } from './whales.errors';

/** One whale followed across snapshots, from the first sighting until it leaves the book. */
export interface WhaleActivity {
  readonly id: string;
  readonly symbol: string;
  readonly side: BookSide;
  readonly kind: WhaleKind;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  /** Reference price (mid) of the book it was first seen in: market impact is measured from it. */
  readonly priceAtDetection: string;
  /** As first seen: what the alert describes. */
  readonly detected: WhaleCandidate;
  /** As last seen. */
  readonly latest: WhaleCandidate;
  readonly maxNotionalUsd: string;
  readonly maxConfidence: number;
  readonly sightings: number;
}

export interface TrackerUpdate {
  readonly opened: WhaleActivity[];
  readonly updated: WhaleActivity[];
  readonly closed: WhaleActivity[];
}

export interface ActivityTrackerOptions {
  /**
   * An activity not seen for this long is closed; until then a whale that flickers out of one
   * snapshot (a partial fill, a re-quote) is the same activity and is not alerted again.
   * Two detection intervals: missing from two consecutive runs means gone.
   */
  readonly gracePeriodMs: number;
  /**
   * Price ranges this close (default 0.002 = 0.2%) still count as overlapping, so a whale that
   * re-quotes a tick or two away stays the same activity.
   */
  readonly priceTolerance?: number;
  readonly newId: (firstSeenAt: Date) => string;
}

/**
 * Turns per-snapshot candidates into activities (pure state, time comes from the snapshots).
 * Matching rule: a candidate continues an open activity of the same symbol, side and kind whose
 * last price range overlaps its own (within priceTolerance); size is not compared, since a whale
 * being filled shrinks but is still the same whale. Candidates are matched biggest notional first,
 * each to the nearest such activity; each activity takes at most one candidate per snapshot.
 * A ladder that shrinks to a single level (or back) changes kind: the old activity closes after
 * the grace period and a new one opens.
 */
export class ActivityTracker {
  /** Open activities by symbol, then by id. */
  private readonly active = new Map<string, Map<string, WhaleActivity>>();
  private readonly lastBookAt = new Map<string, number>();
  private readonly priceTolerance: number;

  constructor(private readonly options: ActivityTrackerOptions) {
    this.priceTolerance = options.priceTolerance ?? 0.002;
    if (!(options.gracePeriodMs > 0 && this.priceTolerance >= 0)) {
      throw new WhalesError(
        'INVALID_RULES',
        'gracePeriodMs must be positive and priceTolerance not negative',
      );
    }
  }

  get openActivities(): WhaleActivity[] {
    return [...this.active.values()].flatMap((bySymbol) => [...bySymbol.values()]);
  }

  /**
   * Feeds the candidates detected in `book`. A symbol's books must come in time order; an older
   * snapshot than one already seen is ignored (an empty update).
   */
  observe(book: OrderBookSnapshot, candidates: readonly WhaleCandidate[]): TrackerUpdate {
    const at = book.time.getTime();
    if (at < (this.lastBookAt.get(book.symbol) ?? -Infinity)) {
      return { opened: [], updated: [], closed: [] };
    }
    this.lastBookAt.set(book.symbol, at);

    const unmatched = new Set(this.active.get(book.symbol)?.values());
    const matches = new Map<WhaleCandidate, WhaleActivity>();
    const biggestFirst = [...candidates].sort((a, b) =>
      new Decimal(b.notionalUsd).comparedTo(a.notionalUsd),
    );
    for (const candidate of biggestFirst) {
      const match = this.nearestMatch(candidate, unmatched);
      if (match) {
        unmatched.delete(match);
        matches.set(candidate, match);
      }
    }
    const opened: WhaleActivity[] = [];
    const updated: WhaleActivity[] = [];
    for (const candidate of candidates) {
      const match = matches.get(candidate);
      if (match) {
        updated.push(this.store(continued(match, candidate, book.time)));
      } else {
        const price = referencePrice(book) ?? candidate.priceHigh;
        opened.push(
          this.store(started(this.options.newId(book.time), candidate, book.time, price)),
        );
      }
    }
    const closed = [...unmatched].filter((a) => this.isStale(a, at));
    closed.forEach((a) => this.remove(a));
    return { opened, updated, closed };
  }

  /** Closes activities of any symbol unseen for the grace period (e.g. its feed stopped). */
  expire(now: Date): WhaleActivity[] {
    const closed = this.openActivities.filter((a) => this.isStale(a, now.getTime()));
    closed.forEach((a) => this.remove(a));
    return closed;
  }

  private isStale(activity: WhaleActivity, at: number): boolean {
    return at - activity.lastSeenAt.getTime() >= this.options.gracePeriodMs;
  }

  private nearestMatch(
    candidate: WhaleCandidate,
    activities: ReadonlySet<WhaleActivity>,
  ): WhaleActivity | undefined {
    const [low, high] = range(candidate);
    let best: WhaleActivity | undefined;
    let bestDistance = Infinity;
    for (const activity of activities) {
      if (activity.side !== candidate.side || activity.kind !== candidate.kind) {
        continue;
      }
      const [activityLow, activityHigh] = range(activity.latest);
      const overlaps =
        low <= activityHigh * (1 + this.priceTolerance) &&
        high >= activityLow * (1 - this.priceTolerance);
      const distance = Math.abs(low + high - activityLow - activityHigh);
      if (overlaps && distance < bestDistance) {
        best = activity;
        bestDistance = distance;
      }
    }
    return best;
  }

  private store(activity: WhaleActivity): WhaleActivity {
    const bySymbol = this.active.get(activity.symbol) ?? new Map<string, WhaleActivity>();
    this.active.set(activity.symbol, bySymbol.set(activity.id, activity));
    return activity;
  }

  private remove(activity: WhaleActivity): void {
    const bySymbol = this.active.get(activity.symbol);
    bySymbol?.delete(activity.id);
    if (bySymbol?.size === 0) {
      this.active.delete(activity.symbol);
    }
  }
}

function started(
  id: string,
  candidate: WhaleCandidate,
  at: Date,
  priceAtDetection: string,
): WhaleActivity {
  return {
    id,
    symbol: candidate.symbol,
    side: candidate.side,
    kind: candidate.kind,
    firstSeenAt: at,
    lastSeenAt: at,
    priceAtDetection,
    detected: candidate,
    latest: candidate,
    maxNotionalUsd: candidate.notionalUsd,
    maxConfidence: candidate.confidence,
    sightings: 1,
  };
}

function continued(activity: WhaleActivity, candidate: WhaleCandidate, at: Date): WhaleActivity {
  return {
    ...activity,
    lastSeenAt: at,
    latest: candidate,
    maxNotionalUsd: Decimal.max(activity.maxNotionalUsd, candidate.notionalUsd).toFixed(),
    maxConfidence: Math.max(activity.maxConfidence, candidate.confidence),
    sightings: activity.sightings + 1,
  };
}

function range(candidate: WhaleCandidate): [number, number] {
  return [Number(candidate.priceLow), Number(candidate.priceHigh)];
}
