import type { BookSide, Level } from '../../domain/order-book';
import type { WhaleKind } from '../../domain/whale-candidate';

/** A stored whale activity as the queries return it; money, prices and sizes are decimal strings. */
export interface WhaleActivityView {
  readonly id: string;
  readonly symbol: string;
  readonly side: BookSide;
  readonly kind: WhaleKind;
  /** As last seen (a whale being filled shrinks). */
  readonly priceLow: string;
  readonly priceHigh: string;
  readonly size: string;
  readonly notionalUsd: string;
  readonly levelCount: number;
  readonly orderCount: number;
  readonly confidence: number;
  /** The levels as first detected, best price first. */
  readonly levels: readonly Level[];
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly priceAtDetection: string;
  /** Signed price move since detection (positive: the way the whale pushes); null until measured. */
  readonly impact1mBps: number | null;
  readonly impact5mBps: number | null;
  readonly impact15mBps: number | null;
  readonly impact60mBps: number | null;
}

export interface WhaleImpactAverage {
  readonly symbol: string;
  readonly kind: WhaleKind;
  readonly activities: number;
  /** Activities with a 15-minute figure (the headline). */
  readonly measured15m: number;
  readonly avgImpact1mBps: number | null;
  readonly avgImpact5mBps: number | null;
  readonly avgImpact15mBps: number | null;
  readonly avgImpact60mBps: number | null;
}

export interface ActivityFilter {
  readonly symbol?: string;
  readonly since?: Date;
  readonly minUsd?: string;
  readonly kind?: WhaleKind;
  readonly limit: number;
  readonly offset: number;
}

export interface ImpactFilter {
  readonly symbol?: string;
  readonly since?: Date;
}

export abstract class WhaleReadModelPort {
  /** Newest detection first. */
  abstract activities(filter: ActivityFilter): Promise<WhaleActivityView[]>;

  /** Per symbol and kind, symbol then kind order. */
  abstract impactAverages(filter: ImpactFilter): Promise<WhaleImpactAverage[]>;
}
