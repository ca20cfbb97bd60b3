import { BookStatistics } from './book-statistics';
import { DetectionRules } from './detection-rules';
import { findLadders } from './ladders';
import { BookSide, OrderBookSnapshot, PricedLevel, pricedLevels } from './order-book';
import { findSingleLevelWhales } from './single-level-whales';
import { toCandidate, WhaleCandidate } from './whale-candidate';

/**
 * Whales in one snapshot: bids then asks, each side in book order. Ladders are found first and
 * absorb their levels: a level that would pass as a single whale but sits inside a ladder is
 * reported once, as part of the ladder (one actor's pattern, one alert).
 * Build `rules` with detectionRules(), which validates them.
 */
export function detectWhales(book: OrderBookSnapshot, rules: DetectionRules): WhaleCandidate[] {
  const sides: [BookSide, PricedLevel[]][] = [
    ['bid', pricedLevels(book.bids)],
    ['ask', pricedLevels(book.asks)],
  ];
  const stats = new BookStatistics(sides.flatMap(([, levels]) => levels));
  if (stats.isEmpty) {
    return [];
  }
  return sides.flatMap(([side, levels]) => {
    const ladders = findLadders(levels, stats, rules);
    const taken = new Set(ladders.flatMap((ladder) => ladder.levels));
    return [...ladders, ...findSingleLevelWhales(levels, stats, rules, taken)]
      .sort((a, b) => levels.indexOf(a.levels[0]) - levels.indexOf(b.levels[0]))
      .map((finding) => toCandidate(book.symbol, side, finding));
  });
}
