import { Decimal } from '@nexwave/core';

import { BookSide } from './order-book';
import { WhalesError } from './whales.errors';

/** Minutes after detection at which the price move is stored on the activity. */
export const IMPACT_HORIZONS_MINUTES = [1, 5, 15, 60] as const;
export type ImpactHorizon = (typeof IMPACT_HORIZONS_MINUTES)[number];

/** The original's `market_impact_bps` was the 15-minute move; it stays the headline figure. */
export const HEADLINE_IMPACT_HORIZON: ImpactHorizon = 15;

/**
 * The price move since detection in basis points, rounded to 0.01 bp, signed by the whale's side
 * (the original left the sign undecided): positive means the price went the way the whale's
 * liquidity pushes it, up for a bid whale (buy support), down for an ask whale (sell wall).
 * Both prices are the same kind of reference (the mid, see referencePrice).
 */
export function impactBps(side: BookSide, priceAtDetection: string, priceLater: string): number {
  const from = positivePrice(priceAtDetection, 'priceAtDetection');
  const move = positivePrice(priceLater, 'priceLater').minus(from).div(from).times(10_000);
  const bps = (side === 'bid' ? move : move.neg()).toDecimalPlaces(2).toNumber();
  return bps === 0 ? 0 : bps; // never -0
}

export function impactDueAt(detectedAt: Date, horizon: ImpactHorizon): Date {
  return new Date(detectedAt.getTime() + horizon * 60_000);
}

export interface PendingImpacts {
  /** Due and still measurable now. */
  readonly due: ImpactHorizon[];
  /** Due more than maxLatenessMs ago (e.g. the tracker was down): store no figure for them. */
  readonly missed: ImpactHorizon[];
}

/** The horizons not yet measured that have fallen due by `now`. */
export function pendingImpactHorizons(
  detectedAt: Date,
  now: Date,
  measured: readonly ImpactHorizon[],
  maxLatenessMs = 60_000,
): PendingImpacts {
  const due: ImpactHorizon[] = [];
  const missed: ImpactHorizon[] = [];
  for (const horizon of IMPACT_HORIZONS_MINUTES) {
    const late = now.getTime() - impactDueAt(detectedAt, horizon).getTime();
    if (measured.includes(horizon) || late < 0) {
      continue;
    }
    (late <= maxLatenessMs ? due : missed).push(horizon);
  }
  return { due, missed };
}

/** When the next unmeasured horizon falls due (to schedule the next check); null when none left. */
export function nextImpactDueAt(detectedAt: Date, measured: readonly ImpactHorizon[]): Date | null {
  const next = IMPACT_HORIZONS_MINUTES.find((horizon) => !measured.includes(horizon));
  return next === undefined ? null : impactDueAt(detectedAt, next);
}

function positivePrice(price: string, name: string): Decimal {
  let value: Decimal;
  try {
    value = new Decimal(price);
  } catch {
    value = new Decimal(NaN);
  }
  if (!(value.isFinite() && value.gt(0))) {
    throw new WhalesError('INVALID_PRICE', `${name} must be a positive decimal, got "${price}"`, {
      [name]: price,
    });
  }
  return value;
}

export interface ImpactSettlement {
  readonly measured: readonly { horizon: ImpactHorizon; bps: number }[];
  readonly missed: readonly ImpactHorizon[];
  /** Every horizon is now measured or missed. */
  readonly done: boolean;
}

/**
 * What one look settles of an activity's pending horizons: a horizon with a price at or before it
 * is measured against `base`; a late one without is given up; a due one without waits.
 */
export function settleImpacts(
  side: BookSide,
  base: string,
  pending: PendingImpacts,
  priceAt: ReadonlyMap<ImpactHorizon, string | null>,
  alreadySettled: number,
): ImpactSettlement {
  const measured: { horizon: ImpactHorizon; bps: number }[] = [];
  const missed: ImpactHorizon[] = [];
  for (const horizon of [...pending.due, ...pending.missed]) {
    const later = priceAt.get(horizon) ?? null;
    if (later !== null) {
      measured.push({ horizon, bps: impactBps(side, base, later) });
    } else if (pending.missed.includes(horizon)) {
      missed.push(horizon);
    }
  }
  const settled = alreadySettled + measured.length + missed.length;
  return { measured, missed, done: settled === IMPACT_HORIZONS_MINUTES.length };
}
