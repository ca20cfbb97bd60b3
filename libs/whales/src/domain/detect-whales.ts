import { BookStatistics } from './book-statistics';
import { DetectionRules } from './detection-rules';
import { findLadders } from './ladders';
import { BookSide, OrderBookSnapshot, PricedLevel, pricedLevels } from './order-book';
import { findSingleLevelWhales } from './single-level-whales';
import { toCandidate, WhaleCandidate, WhaleFinding } from './whale-candidate';

/** A snapshot's valid levels with their float copies, and the statistics over both sides. */
export interface BookView {
  readonly book: OrderBookSnapshot;
  readonly bid: readonly PricedLevel[];
  readonly ask: readonly PricedLevel[];
  readonly stats: BookStatistics;
}

export function bookView(book: OrderBookSnapshot): BookView {
  const bid = pricedLevels(book.bids);
  const ask = pricedLevels(book.asks);
  return { book, bid, ask, stats: new BookStatistics([...bid, ...ask]) };
}

/** Levels already held by a tracked whale: left out of new detections (still in the stats). */
export type ClaimedLevels = ReadonlySet<PricedLevel>;

const NOTHING_CLAIMED: ClaimedLevels = new Set();

/**
 * Whales in one snapshot: bids then asks, each side in book order. Ladders are found first and
 * absorb their levels: a level that would pass as a single whale but sits inside a ladder is
 * reported once, as part of the ladder (one actor's pattern, one alert).
 * Build `rules` with detectionRules(), which validates them.
 */
export function detectWhales(book: OrderBookSnapshot, rules: DetectionRules): WhaleCandidate[] {
  return detectInView(bookView(book), rules);
}

/** detectWhales on a prepared view, leaving out `claimed` levels. */
export function detectInView(
  view: BookView,
  rules: DetectionRules,
  claimed: ClaimedLevels = NOTHING_CLAIMED,
): WhaleCandidate[] {
  return findInView(view, rules, claimed).map(({ side, finding }) =>
    toCandidate(view.book.symbol, side, finding),
  );
}

/** The findings behind detectInView, with their priced levels. */
export function findInView(
  view: BookView,
  rules: DetectionRules,
  claimed: ClaimedLevels = NOTHING_CLAIMED,
): { side: BookSide; finding: WhaleFinding }[] {
  if (view.stats.isEmpty) {
    return [];
  }
  return (['bid', 'ask'] as const).flatMap((side: BookSide) => {
    const levels =
      claimed.size === 0 ? view[side] : view[side].filter((level) => !claimed.has(level));
    const ladders = findLadders(levels, view.stats, rules);
    const taken = new Set(ladders.flatMap((ladder) => ladder.levels));
    return [...ladders, ...findSingleLevelWhales(levels, view.stats, rules, taken)]
      .sort((a, b) => levels.indexOf(a.levels[0]) - levels.indexOf(b.levels[0]))
      .map((finding) => ({ side, finding }));
  });
}
