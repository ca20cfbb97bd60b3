import { Decimal } from '@nexwave/core';

import { BookSide, Level, SideLevels } from './order-book';

export type WhaleKind = 'single' | 'ladder';

/** What a detector rule found, before it is reported. */
export interface WhaleFinding {
  readonly kind: WhaleKind;
  /** Positions of its levels in the side's SideLevels, in book order (best price first). */
  readonly positions: readonly number[];
  readonly notionalUsd: Decimal;
  readonly standout: number;
  readonly confidence: number;
}

/** A whale seen in one snapshot. Sizes, prices and notional are exact decimal strings. */
export interface WhaleCandidate {
  readonly symbol: string;
  readonly side: BookSide;
  readonly kind: WhaleKind;
  /** In book order, best price first. */
  readonly levels: readonly Level[];
  readonly priceLow: string;
  readonly priceHigh: string;
  /** Base units summed over the levels. */
  readonly size: string;
  /** Σ price × size over the levels. */
  readonly notionalUsd: string;
  /** Resting orders over the levels (Pacifica's `n`, at least one per level). */
  readonly orderCount: number;
  /** Amount over the median level of the rest of the book (Infinity when alone in the book). */
  readonly standout: number;
  readonly confidence: number;
}

/** The finding on `side` (the levels it was found in) with its exact figures. */
export function toCandidate(
  symbol: string,
  side: BookSide,
  levels: SideLevels,
  finding: WhaleFinding,
): WhaleCandidate {
  const { positions } = finding;
  // The first of equal prices, as the levels come in book order.
  let low = positions[0];
  let high = positions[0];
  let size = new Decimal(0);
  let orderCount = 0;
  for (const position of positions) {
    low = levels.price[position] < levels.price[low] ? position : low;
    high = levels.price[position] > levels.price[high] ? position : high;
    size = size.plus(levels.levels[position].amount);
    orderCount += Math.max(1, levels.levels[position].orders);
  }
  return {
    symbol,
    side,
    kind: finding.kind,
    levels: positions.map((p) => levels.levels[p]),
    priceLow: levels.levels[low].price,
    priceHigh: levels.levels[high].price,
    size: size.toFixed(),
    notionalUsd: finding.notionalUsd.toFixed(),
    orderCount,
    standout: finding.standout,
    confidence: finding.confidence,
  };
}
