import { Decimal } from '@nexwave/core';

import { BookView, bookView, ClaimedLevels, findInView } from './detect-whales';
import { DetectionRules } from './detection-rules';
import { ladderFinding } from './ladders';
import { BookSide, OrderBookSnapshot, referencePrice, SideLevels } from './order-book';
import { singleFinding } from './single-level-whales';
import { toCandidate, WhaleCandidate, WhaleFinding, WhaleKind } from './whale-candidate';
import { WhalesError } from './whales.errors';

/** A change of kind or a material change of size, as recorded on the activity. */
export interface ActivityChange {
  readonly at: Date;
  readonly kind: WhaleKind;
  readonly levelCount: number;
  readonly notionalUsd: string;
}

/** One whale followed across snapshots, from the first sighting until it leaves the book. */
export interface WhaleActivity {
  readonly id: string;
  readonly symbol: string;
  readonly side: BookSide;
  /** As last seen (a ladder that is down to one level is a single); `detected.kind` as alerted. */
  readonly kind: WhaleKind;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  /** Reference price (mid) of the book it was first seen in: market impact is measured from it. */
  readonly priceAtDetection: string;
  /** As first seen: what the alert describes. */
  readonly detected: WhaleCandidate;
  /** As last seen. */
  readonly latest: WhaleCandidate;
  /** Its identity: the prices of its levels seen within the grace period, best first. */
  readonly prices: readonly string[];
  readonly maxNotionalUsd: string;
  readonly maxConfidence: number;
  readonly sightings: number;
  /** Kind changes and material size changes since detection, oldest first (the last 20). */
  readonly changes: readonly ActivityChange[];
  /** The notional the last alert (detection or update) described, and when it was due. */
  readonly alertedNotionalUsd: string;
  readonly alertedAt: Date;
  /** Update alerts due so far: the latest one's revision (the detection alert is revision 0). */
  readonly updateAlerts: number;
}

export interface TrackerUpdate {
  readonly opened: WhaleActivity[];
  readonly updated: WhaleActivity[];
  /** Updated activities due an update alert: a material size change, rate-limited. */
  readonly resized: WhaleActivity[];
  readonly closed: WhaleActivity[];
}

export interface ActivityTrackerOptions {
  readonly rules: DetectionRules;
  /**
   * An activity not seen for this long is closed; until then a whale that leaves the book (a
   * cancel, a re-quote) and comes back is the same activity and is not alerted again.
   */
  readonly gracePeriodMs: number;
  /**
   * A new detection whose price range comes this close (default 0.002 = 0.2%) to an activity's on
   * the same side continues it: a whale that re-quotes or grows a level stays one activity.
   */
  readonly priceTolerance?: number;
  /**
   * A tracked level stays the whale's while its amount is at least this multiple of the book's
   * median level (default 1.5): lower than the detection rules, so a whale being filled is
   * followed until ordinary quotes take its price back.
   */
  readonly keepSizeVsMedian?: number;
  /** A notional change of at least this fraction is material: recorded and alerted (default 0.5). */
  readonly materialChange?: number;
  /** At most one update alert per activity this often (default 5 minutes). */
  readonly updateAlertIntervalMs?: number;
  readonly newId: (firstSeenAt: Date) => string;
}

const MAX_CHANGES = 20;

/** A price an activity holds: the level's own string, its float, when it was last there. */
interface Member {
  readonly price: string;
  seenAt: number;
}

interface Tracked {
  activity: WhaleActivity;
  /** By float price. */
  readonly members: Map<number, Member>;
}

/**
 * Follows whales by identity (pure state, time comes from the snapshots). An activity holds the
 * prices of its levels; in each snapshot of its symbol:
 * 1. its levels still at those prices and still large (keepSizeVsMedian) are claimed for it,
 *    whatever shape they take now (a ladder that lost a level, a shrunken single);
 * 2. whales are detected among the unclaimed levels only, so a ladder's levels are never reported
 *    again as singles;
 * 3. a detection within priceTolerance of an activity on the same side (present or not, within the
 *    grace period) continues it, biggest detection first, nearest activity: a re-quote, a new
 *    level, a whale that left and came back; any other detection opens a new activity.
 * An activity's kind and figures follow its levels: three or more levels (or two left of a ladder)
 * are a ladder, one is a single. An activity unseen for the grace period closes.
 */
export class ActivityTracker {
  /** Open activities by symbol, then by id. */
  private readonly active = new Map<string, Map<string, Tracked>>();
  private readonly lastBookAt = new Map<string, number>();
  private readonly priceTolerance: number;
  private readonly keepSizeVsMedian: number;
  private readonly materialChange: number;
  private readonly updateAlertIntervalMs: number;

  constructor(private readonly options: ActivityTrackerOptions) {
    this.priceTolerance = options.priceTolerance ?? 0.002;
    this.keepSizeVsMedian = options.keepSizeVsMedian ?? 1.5;
    this.materialChange = options.materialChange ?? 0.5;
    this.updateAlertIntervalMs = options.updateAlertIntervalMs ?? 300_000;
    if (!(
      options.gracePeriodMs > 0 &&
      this.priceTolerance >= 0 &&
      this.keepSizeVsMedian >= 0 &&
      this.materialChange > 0 &&
      this.updateAlertIntervalMs >= 0
    )) {
      throw new WhalesError(
        'INVALID_RULES',
        'gracePeriodMs and materialChange must be positive; priceTolerance, keepSizeVsMedian and updateAlertIntervalMs not negative',
      );
    }
  }

  get openActivities(): WhaleActivity[] {
    return [...this.active.values()].flatMap((bySymbol) =>
      [...bySymbol.values()].map((t) => t.activity),
    );
  }

  /**
   * Detects whales in `book` and follows them. A symbol's books must come in time order; an older
   * snapshot than one already seen is ignored (an empty update).
   */
  observe(book: OrderBookSnapshot): TrackerUpdate {
    const at = book.time.getTime();
    if (at < (this.lastBookAt.get(book.symbol) ?? -Infinity)) {
      return { opened: [], updated: [], resized: [], closed: [] };
    }
    this.lastBookAt.set(book.symbol, at);
    const view = bookView(book);
    const tracked = [...(this.active.get(book.symbol)?.values() ?? [])];
    const present = this.claim(view, tracked, at);
    const findings = findInView(view, this.options.rules, claimedLevels(present));
    const unmatched = new Set(findings);
    const biggestFirst = [...findings].sort((a, b) =>
      b.finding.notionalUsd.comparedTo(a.finding.notionalUsd),
    );
    for (const found of biggestFirst) {
      const match = this.nearest(view[found.side], found.side, found.finding, tracked);
      if (match) {
        unmatched.delete(found);
        present.set(match, [...(present.get(match) ?? []), ...found.finding.positions]);
      }
    }
    const opened = [...unmatched].map(({ side, finding }) => this.open(view, side, finding, at));
    const updated: WhaleActivity[] = [];
    const resized: WhaleActivity[] = [];
    for (const [t, levels] of present) {
      const update = this.continued(t, view, levels, at);
      updated.push(update.activity);
      if (update.resized) {
        resized.push(update.activity);
      }
    }
    const closed = tracked
      .filter((t) => !present.has(t) && this.isStale(t.activity, at))
      .map((t) => this.remove(t.activity));
    return { opened, updated, resized, closed };
  }

  /** Closes activities of any symbol unseen for the grace period (e.g. its feed stopped). */
  expire(now: Date): WhaleActivity[] {
    const closed = this.openActivities.filter((a) => this.isStale(a, now.getTime()));
    closed.forEach((a) => this.remove(a));
    return closed;
  }

  /** Step 1: each activity's levels (positions in its side) still in the book and still large. */
  private claim(view: BookView, tracked: readonly Tracked[], at: number) {
    const present = new Map<Tracked, number[]>();
    if (tracked.length === 0) {
      return present;
    }
    const keepFrom = this.keepSizeVsMedian * view.stats.median;
    const taken = { bid: new Set<number>(), ask: new Set<number>() };
    for (const t of tracked) {
      const side = view[t.activity.side];
      const positions: number[] = [];
      for (const [price, member] of t.members) {
        const position = positionAt(side, price, t.activity.side);
        if (
          position !== undefined &&
          side.amount[position] >= keepFrom &&
          !taken[t.activity.side].has(position)
        ) {
          taken[t.activity.side].add(position);
          positions.push(position);
          member.seenAt = at;
        }
      }
      if (positions.length > 0) {
        present.set(t, positions);
      }
    }
    return present;
  }

  /** Step 3: the nearest activity on the side whose price range is within the tolerance. */
  private nearest(
    levels: SideLevels,
    side: BookSide,
    finding: WhaleFinding,
    tracked: readonly Tracked[],
  ): Tracked | undefined {
    const [low, high] = priceRange(finding.positions.map((p) => levels.price[p]));
    let best: Tracked | undefined;
    let bestDistance = Infinity;
    for (const t of tracked) {
      if (t.activity.side !== side) {
        continue;
      }
      const [activityLow, activityHigh] = priceRange(t.members.keys());
      const overlaps =
        low <= activityHigh * (1 + this.priceTolerance) &&
        high >= activityLow * (1 - this.priceTolerance);
      const distance = Math.abs(low + high - activityLow - activityHigh);
      if (overlaps && distance < bestDistance) {
        best = t;
        bestDistance = distance;
      }
    }
    return best;
  }

  private open(view: BookView, side: BookSide, finding: WhaleFinding, at: number): WhaleActivity {
    const time = new Date(at);
    const levels = view[side];
    const candidate = toCandidate(view.book.symbol, side, levels, finding);
    const activity: WhaleActivity = {
      id: this.options.newId(time),
      symbol: candidate.symbol,
      side,
      kind: candidate.kind,
      firstSeenAt: time,
      lastSeenAt: time,
      priceAtDetection: referencePrice(view) ?? candidate.priceHigh,
      detected: candidate,
      latest: candidate,
      prices: candidate.levels.map((l) => l.price),
      maxNotionalUsd: candidate.notionalUsd,
      maxConfidence: candidate.confidence,
      sightings: 1,
      changes: [],
      alertedNotionalUsd: candidate.notionalUsd,
      alertedAt: time,
      updateAlerts: 0,
    };
    const members = new Map(
      finding.positions.map((p) => [
        levels.price[p],
        { price: levels.levels[p].price, seenAt: at },
      ]),
    );
    const bySymbol = this.active.get(activity.symbol) ?? new Map<string, Tracked>();
    this.active.set(activity.symbol, bySymbol.set(activity.id, { activity, members }));
    return activity;
  }

  /** The activity as seen now at `positions` (claimed and joined), its kind and size changes. */
  private continued(t: Tracked, view: BookView, positions: number[], at: number) {
    const previous = t.activity;
    const levels = view[previous.side];
    for (const p of positions) {
      t.members.set(levels.price[p], { price: levels.levels[p].price, seenAt: at });
    }
    for (const [price, member] of t.members) {
      if (at - member.seenAt >= this.options.gracePeriodMs) {
        t.members.delete(price);
      }
    }
    const direction = previous.side === 'bid' ? -1 : 1;
    const run = positions.sort((a, b) => direction * (levels.price[a] - levels.price[b]));
    const kind: WhaleKind =
      run.length >= this.options.rules.ladder.minLevels ||
      (run.length > 1 && previous.kind === 'ladder')
        ? 'ladder'
        : 'single';
    const figures: WhaleFinding =
      run.length === 1
        ? singleFinding(levels, run[0], view.stats)
        : ladderFinding(levels, run, view.stats);
    const latest = toCandidate(previous.symbol, previous.side, levels, { ...figures, kind });
    const time = new Date(at);
    const sizeChanged = this.isMaterial(latest.notionalUsd, lastRecorded(previous));
    const changes =
      kind !== previous.kind || sizeChanged
        ? [
            ...previous.changes,
            { at: time, kind, levelCount: run.length, notionalUsd: latest.notionalUsd },
          ].slice(-MAX_CHANGES)
        : previous.changes;
    const resized =
      this.isMaterial(latest.notionalUsd, previous.alertedNotionalUsd) &&
      at - previous.alertedAt.getTime() >= this.updateAlertIntervalMs;
    t.activity = {
      ...previous,
      kind,
      lastSeenAt: time,
      latest,
      prices: [...t.members.entries()]
        .sort(([a], [b]) => direction * (a - b))
        .map(([, member]) => member.price),
      maxNotionalUsd: Decimal.max(previous.maxNotionalUsd, latest.notionalUsd).toFixed(),
      maxConfidence: Math.max(previous.maxConfidence, latest.confidence),
      sightings: previous.sightings + 1,
      changes,
      alertedNotionalUsd: resized ? latest.notionalUsd : previous.alertedNotionalUsd,
      alertedAt: resized ? time : previous.alertedAt,
      updateAlerts: previous.updateAlerts + (resized ? 1 : 0),
    };
    return { activity: t.activity, resized };
  }

  /** A float ratio: this only decides whether to record or alert, nothing goes to the exchange. */
  private isMaterial(notional: string, reference: string): boolean {
    const base = Number(reference);
    return base > 0 && Math.abs(Number(notional) - base) / base >= this.materialChange;
  }

  private isStale(activity: WhaleActivity, at: number): boolean {
    return at - activity.lastSeenAt.getTime() >= this.options.gracePeriodMs;
  }

  private remove(activity: WhaleActivity): WhaleActivity {
    const bySymbol = this.active.get(activity.symbol);
    bySymbol?.delete(activity.id);
    if (bySymbol?.size === 0) {
      this.active.delete(activity.symbol);
    }
    return activity;
  }
}

function lastRecorded(activity: WhaleActivity): string {
  return activity.changes.at(-1)?.notionalUsd ?? activity.detected.notionalUsd;
}

/** Binary search of a side (best price first) for the position of the level at `price`. */
function positionAt(levels: SideLevels, price: number, side: BookSide): number | undefined {
  const direction = side === 'bid' ? -1 : 1;
  let low = 0;
  let high = levels.price.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (direction * (levels.price[mid] - price) < 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low < levels.price.length && levels.price[low] === price ? low : undefined;
}

/** The positions claimed on each side: left out of new detections. */
function claimedLevels(present: ReadonlyMap<Tracked, readonly number[]>): ClaimedLevels {
  const claimed = { bid: new Set<number>(), ask: new Set<number>() };
  for (const [t, positions] of present) {
    for (const position of positions) {
      claimed[t.activity.side].add(position);
    }
  }
  return claimed;
}

function priceRange(prices: Iterable<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const price of prices) {
    low = Math.min(low, price);
    high = Math.max(high, price);
  }
  return [low, high];
}
