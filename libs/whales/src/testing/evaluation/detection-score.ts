import type { BookSide } from '../../domain/order-book';
import type { WhaleKind } from '../../domain/whale-candidate';

/** A whale the simulator placed, as the evaluator saw it in the published books. */
export interface TruthWhale {
  readonly id: number;
  readonly symbol: string;
  readonly side: BookSide;
  readonly kind: WhaleKind;
  /** A decoy: something a detector must NOT report (under the threshold, not standing out). */
  readonly decoy: boolean;
  readonly prices: readonly string[];
  readonly placedAt: number;
  /** When it left the book; null if still resting when the run ended. */
  readonly endedAt: number | null;
  /**
   * The first detection round whose book showed it as a whale by the definition (visible
   * levels together over the USD threshold); null if no round did (it cannot be asked of a
   * detector).
   */
  readonly detectableAt: number | null;
}

/** An activity the tracker opened, with every price it ever held. */
export interface DetectedActivity {
  readonly id: string;
  readonly symbol: string;
  readonly side: BookSide;
  /** As alerted (at detection). */
  readonly kind: WhaleKind;
  readonly firstSeenAt: number;
  readonly prices: ReadonlySet<string>;
}

export interface DetectionScore {
  readonly whales: number;
  readonly detectable: number;
  readonly decoys: number;
  readonly activities: number;
  /** Whales (detectable or not) with at least one activity. */
  readonly detected: number;
  /** Activities that are a real whale's, over all activities. */
  readonly precision: number;
  /** Detectable whales with at least one activity, over detectable whales. */
  readonly recall: number;
  /** Detected whales whose first activity had the whale's kind, over detected whales. */
  readonly kindAccuracy: number;
  /** Activities beyond the first, per detected whale. */
  readonly duplicatesPerWhale: number;
  /** From the first round it was detectable to its first activity, in detection intervals. */
  readonly latencyP95Intervals: number;
  readonly falsePositives: { readonly decoys: number; readonly unattributed: number };
}

/**
 * Scores a run: each activity is attributed to the whale (or decoy) on its symbol and side that
 * shares a price with it and rested when it was first seen (up to `graceMs` after it ended, the
 * time a tracker may still report it).
 */
export function scoreDetections(
  truth: readonly TruthWhale[],
  activities: readonly DetectedActivity[],
  options: { readonly detectionIntervalMs: number; readonly graceMs: number },
): DetectionScore {
  const byWhale = new Map<TruthWhale, DetectedActivity[]>();
  let decoyHits = 0;
  let unattributed = 0;
  for (const activity of activities) {
    const whale = truth.find(
      (t) =>
        t.symbol === activity.symbol &&
        t.side === activity.side &&
        t.placedAt <= activity.firstSeenAt &&
        (t.endedAt === null || activity.firstSeenAt <= t.endedAt + options.graceMs) &&
        t.prices.some((price) => activity.prices.has(price)),
    );
    if (!whale) {
      unattributed++;
    } else if (whale.decoy) {
      decoyHits++;
    } else {
      byWhale.set(whale, [...(byWhale.get(whale) ?? []), activity]);
    }
  }
  const real = truth.filter((t) => !t.decoy);
  const detectable = real.filter((t) => t.detectableAt !== null);
  const detected = [...byWhale.keys()];
  const firstOf = (whale: TruthWhale) =>
    byWhale.get(whale)!.reduce((a, b) => (b.firstSeenAt < a.firstSeenAt ? b : a));
  const latencies = detected
    .filter((whale) => whale.detectableAt !== null)
    .map((whale) =>
      Math.max(0, (firstOf(whale).firstSeenAt - whale.detectableAt!) / options.detectionIntervalMs),
    );
  const attributed = activities.length - decoyHits - unattributed;
  return {
    whales: real.length,
    detectable: detectable.length,
    decoys: truth.length - real.length,
    activities: activities.length,
    detected: detected.length,
    precision: ratio(attributed, activities.length),
    recall: ratio(detectable.filter((t) => byWhale.has(t)).length, detectable.length),
    kindAccuracy: ratio(detected.filter((t) => firstOf(t).kind === t.kind).length, detected.length),
    duplicatesPerWhale: ratio(attributed - detected.length, detected.length),
    latencyP95Intervals: percentile(latencies, 0.95),
    falsePositives: { decoys: decoyHits, unattributed },
  };
}

/** 1 when there is nothing to count (no activity is perfectly precise). */
function ratio(count: number, total: number): number {
  return total === 0 ? 1 : count / total;
}

/** Nearest-rank percentile; 0 for no values. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
