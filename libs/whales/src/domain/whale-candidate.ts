import { Decimal } from '@nexwave/core';

import { BookSide, Level, PricedLevel } from './order-book';

export type WhaleKind = 'single' | 'ladder';

/** What a detector rule found, before it is reported. */
export interface WhaleFinding {
  readonly kind: WhaleKind;
  /** In book order, best price first. */
  readonly levels: readonly PricedLevel[];
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

export function toCandidate(symbol: string, side: BookSide, finding: WhaleFinding): WhaleCandidate {
  const prices = finding.levels.map((l) => l.price);
  const low = finding.levels[prices.indexOf(Math.min(...prices))];
  const high = finding.levels[prices.indexOf(Math.max(...prices))];
  return {
    symbol,
    side,
    kind: finding.kind,
    levels: finding.levels.map((l) => l.level),
    priceLow: low.level.price,
    priceHigh: high.level.price,
    size: finding.levels.reduce((sum, l) => sum.plus(l.level.amount), new Decimal(0)).toFixed(),
    notionalUsd: finding.notionalUsd.toFixed(),
    orderCount: finding.levels.reduce((sum, l) => sum + Math.max(1, l.level.orders), 0),
    standout: finding.standout,
    confidence: finding.confidence,
  };
}
