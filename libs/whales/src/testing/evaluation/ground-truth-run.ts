import { deriveSeed, seededRandom, type Random } from '@nexwave/core';
import type { WhaleRecord, WhaleRequest } from '@nexwave/pacifica-sim/testing';

import { ActivityTracker, type WhaleActivity } from '../../domain/activity-tracker';
import { detectionRules, type DetectionRulesOverrides } from '../../domain/detection-rules';
import type { BookSide, OrderBookSnapshot } from '../../domain/order-book';
import {
  DEFAULT_TRACKING_SETTINGS,
  trackerOptions,
  type TrackingSettings,
} from '../../domain/tracking-settings';
import { DetectedActivity, DetectionScore, scoreDetections, TruthWhale } from './detection-score';
import { SimulatedBooks } from './simulated-books';

export interface GroundTruthRunOptions {
  readonly seed: number;
  /** Real whales (not decoys) to place; the run ends once they have all left the book. */
  readonly whales: number;
  readonly detectionIntervalMs?: number;
  readonly thresholdUsd?: number;
  readonly rules?: DetectionRulesOverrides;
  readonly tracking?: TrackingSettings;
  /** Share of placements that are decoys (default 0.3). */
  readonly decoyShare?: number;
  /**
   * Nothing new is placed on a symbol and side for this long after the last placement there left
   * (default 30 s): a tracker whose grace period is longer takes the next whale for the last one.
   */
  readonly coolDownMs?: number;
}

export interface GroundTruthRun {
  readonly score: DetectionScore;
  /** What was scored, for a closer look at a miss or a duplicate. */
  readonly truth: readonly TruthWhale[];
  readonly activities: readonly DetectedActivity[];
  readonly simulatedMs: number;
  readonly books: number;
}

const START = Date.UTC(2026, 0, 1);
const SIDES: readonly BookSide[] = ['bid', 'ask'];

/**
 * The ground-truth evaluation: the simulator's book model in process (seeded walk, quotes, random
 * taker flow) with whales and decoys placed at random, one at a time per symbol and side (two whales
 * resting at the same prices cannot be told apart from the public book); every detection interval
 * each symbol's book goes through the production detector and tracker, and the activities are
 * scored against the simulator's records (scoreDetections).
 * Whales: a single of 5-30 ordinary levels, or a ladder of 3-6 levels of 3-10 each (issue 16's
 * ETH ladder: 4 of 3). Decoys, in
 * equal shares: a single under the USD threshold, a single of 1-2 ordinary levels (over the
 * threshold on the big markets, but no stand-out), a ladder of ordinary-sized levels. Each rests
 * 10-45 s.
 */
export function runGroundTruth(options: GroundTruthRunOptions): GroundTruthRun {
  const intervalMs = options.detectionIntervalMs ?? 5_000;
  const thresholdUsd = options.thresholdUsd ?? 25_000;
  const tracking = options.tracking ?? DEFAULT_TRACKING_SETTINGS;
  const graceMs = Math.max(tracking.gracePeriodMs, 2 * intervalMs);
  const random = seededRandom(deriveSeed(options.seed, 'whale-evaluation'));
  const sim = new SimulatedBooks({ seed: options.seed, start: START });
  const rules = detectionRules({ ...options.rules, thresholdUsd });
  let ids = 0;
  const tracker = new ActivityTracker(
    trackerOptions(rules, intervalMs, () => `activity-${++ids}`, tracking),
  );
  const decoys = new Set<number>();
  const detectableAt = new Map<number, number>();
  const activities = new Map<string, DetectedActivity & { prices: Set<string> }>();
  const seen = (activity: WhaleActivity) => {
    const known = activities.get(activity.id) ?? {
      id: activity.id,
      symbol: activity.symbol,
      side: activity.side,
      kind: activity.detected.kind,
      firstSeenAt: activity.firstSeenAt.getTime(),
      prices: new Set<string>(),
    };
    activity.prices.forEach((price) => known.prices.add(price));
    activities.set(activity.id, known);
  };
  let placedWhales = 0;
  let books = 0;
  let nextDetection = sim.now + intervalMs;
  const placed = () => sim.exchange.whales.placed;
  const running = () =>
    placedWhales < options.whales ||
    placed().some((r) => r.endedAt === null || sim.now < r.endedAt + graceMs + intervalMs);

  while (running()) {
    sim.advance(intervalMs / 2);
    if (placedWhales < options.whales) {
      const slot = freeSlot(sim, placed(), random, options.coolDownMs ?? 30_000);
      if (slot) {
        const decoy = random() < (options.decoyShare ?? 0.3);
        const request = decoy
          ? decoyRequest(slot, random, thresholdUsd)
          : whaleRequest(slot, random);
        const whale = sim.placeWhale(request);
        if (decoy) {
          decoys.add(whale.id);
        } else {
          placedWhales++;
        }
      }
    }
    if (sim.now >= nextDetection) {
      nextDetection += intervalMs;
      for (const symbol of sim.symbols) {
        const book = sim.snapshot(symbol);
        books++;
        const update = tracker.observe(book);
        [...update.opened, ...update.updated].forEach(seen);
        markDetectable(sim, book, placed(), detectableAt, thresholdUsd);
      }
      tracker.expire(new Date(sim.now));
    }
  }
  const truth: TruthWhale[] = placed().map((record) => ({
    id: record.id,
    symbol: record.symbol,
    side: record.side,
    kind: record.kind,
    decoy: decoys.has(record.id),
    prices: record.levels.map((level) => level.price),
    placedAt: record.placedAt,
    endedAt: record.endedAt,
    detectableAt: detectableAt.get(record.id) ?? null,
  }));
  const detected = [...activities.values()];
  return {
    score: scoreDetections(truth, detected, { detectionIntervalMs: intervalMs, graceMs }),
    truth,
    activities: detected,
    simulatedMs: sim.now - START,
    books,
  };
}

interface Slot {
  readonly symbol: string;
  readonly side: BookSide;
  readonly levelNotionalUsd: number;
}

/** A random symbol and side with nothing placed on it for `coolDownMs`. */
function freeSlot(
  sim: SimulatedBooks,
  records: readonly WhaleRecord[],
  random: Random,
  coolDownMs: number,
): Slot | null {
  const busy = new Set(
    records
      .filter((r) => r.endedAt === null || sim.now < r.endedAt + coolDownMs)
      .map((r) => `${r.symbol}:${r.side}`),
  );
  const free = sim.exchange.markets
    .list()
    .flatMap((market) =>
      SIDES.map((side) => ({
        symbol: market.spec.symbol,
        side,
        levelNotionalUsd: market.spec.levelNotionalUsd,
      })),
    )
    .filter((slot) => !busy.has(`${slot.symbol}:${slot.side}`));
  return free.length === 0 ? null : free[Math.floor(random() * free.length)];
}

const between = (random: Random, low: number, high: number) => low + (high - low) * random();
const duration = (random: Random) => Math.round(between(random, 10_000, 45_000));

function whaleRequest(slot: Slot, random: Random): WhaleRequest {
  const base = { symbol: slot.symbol, side: slot.side, durationMs: duration(random) };
  if (random() < 0.5) {
    const notionalUsd = Math.round(slot.levelNotionalUsd * between(random, 5, 30));
    return { ...base, kind: 'single', notionalUsd };
  }
  const levels = 3 + Math.floor(random() * 4);
  const notionalUsd = Math.round(levels * slot.levelNotionalUsd * between(random, 3, 10));
  return { ...base, kind: 'ladder', levels, notionalUsd };
}

function decoyRequest(slot: Slot, random: Random, thresholdUsd: number): WhaleRequest {
  const base = { symbol: slot.symbol, side: slot.side, durationMs: duration(random) };
  const kind = random();
  if (kind < 1 / 3) {
    return {
      ...base,
      kind: 'single',
      notionalUsd: Math.round(thresholdUsd * between(random, 0.3, 0.9)),
    };
  }
  if (kind < 2 / 3) {
    const notionalUsd = Math.round(slot.levelNotionalUsd * between(random, 1, 2));
    return { ...base, kind: 'single', notionalUsd };
  }
  const levels = 3 + Math.floor(random() * 2);
  const notionalUsd = Math.round(levels * slot.levelNotionalUsd * between(random, 0.8, 1.4));
  return { ...base, kind: 'ladder', levels, notionalUsd };
}

/**
 * A placement is detectable from the first round whose book shows levels of it that together are
 * over the USD threshold (what is left of it, at the prices the stream shows).
 */
function markDetectable(
  sim: SimulatedBooks,
  book: OrderBookSnapshot,
  records: readonly WhaleRecord[],
  detectableAt: Map<number, number>,
  thresholdUsd: number,
): void {
  const orders = sim.exchange.markets.get(book.symbol).book;
  for (const record of records) {
    if (record.symbol !== book.symbol || record.endedAt !== null || detectableAt.has(record.id)) {
      continue;
    }
    const shown = new Set((record.side === 'bid' ? book.bids : book.asks).map((l) => l.price));
    let notional = 0;
    for (const level of record.levels) {
      const order = orders.get(level.orderId);
      if (order && shown.has(level.price)) {
        notional += Number(level.price) * order.remaining.toNumber();
      }
    }
    if (notional > thresholdUsd) {
      detectableAt.set(record.id, sim.now);
    }
  }
}
