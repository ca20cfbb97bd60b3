import { BookStatistics } from './book-statistics';
import { DetectionRules } from './detection-rules';
import { findLadders } from './ladders';
import { BookSide, OrderBookSnapshot, parseSide, SideLevels } from './order-book';
import { findSingleLevelWhales } from './single-level-whales';
import { toCandidate, WhaleCandidate, WhaleFinding } from './whale-candidate';

/** A snapshot's valid levels, parsed once, and the statistics over both sides. */
export interface BookView {
  readonly book: OrderBookSnapshot;
  readonly bid: SideLevels;
  readonly ask: SideLevels;
  readonly stats: BookStatistics;
}

export function bookView(book: OrderBookSnapshot): BookView {
  const bid = parseSide(book.bids);
  const ask = parseSide(book.asks);
  return { book, bid, ask, stats: new BookStatistics(bid, ask) };
}

/**
 * Positions (in the view's sides) of levels already held by a tracked whale: left out of new
 * detections (still in the stats).
 */
export type ClaimedLevels = Readonly<Record<BookSide, ReadonlySet<number>>>;

const NOTHING: ReadonlySet<number> = new Set();
const NOTHING_CLAIMED: ClaimedLevels = { bid: NOTHING, ask: NOTHING };
const SIDES: readonly BookSide[] = ['bid', 'ask'];

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
    toCandidate(view.book.symbol, side, view[side], finding),
  );
}

/** The findings behind detectInView, their levels as positions in the view's side. */
export function findInView(
  view: BookView,
  rules: DetectionRules,
  claimed: ClaimedLevels = NOTHING_CLAIMED,
): { side: BookSide; finding: WhaleFinding }[] {
  const found: { side: BookSide; finding: WhaleFinding }[] = [];
  if (view.stats.isEmpty) {
    return found;
  }
  for (const side of SIDES) {
    const levels = view[side];
    const candidates = unclaimed(levels.price.length, claimed[side]);
    const ladders = findLadders(levels, candidates, view.stats, rules);
    const taken = ladders.length === 0 ? NOTHING : new Set(ladders.flatMap((l) => l.positions));
    const singles = findSingleLevelWhales(levels, candidates, view.stats, rules, taken);
    const findings = singles.length === 0 ? ladders : [...ladders, ...singles];
    if (ladders.length > 0 && singles.length > 0) {
      findings.sort((a, b) => a.positions[0] - b.positions[0]);
    }
    for (const finding of findings) {
      found.push({ side, finding });
    }
  }
  return found;
}

/** Positions 0..n-1 by n, shared and never written: a side with nothing claimed. */
const everyPosition = new Map<number, Int32Array>();

/** The positions 0..count-1 not in `claimed`, ascending. */
function unclaimed(count: number, claimed: ReadonlySet<number>): Int32Array {
  if (claimed.size === 0) {
    let every = everyPosition.get(count);
    if (!every) {
      every = Int32Array.from({ length: count }, (_, i) => i);
      everyPosition.set(count, every);
    }
    return every;
  }
  const positions = new Int32Array(count - claimed.size);
  let next = 0;
  for (let position = 0; position < count; position++) {
    if (!claimed.has(position)) {
      positions[next++] = position;
    }
  }
  return positions;
}
