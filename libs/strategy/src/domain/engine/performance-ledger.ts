import {
  measurePerformance,
  type EquityPoint,
  type OpenPositionMark,
  type Performance,
} from '../performance';
import type { RoundTrip } from './strategy-book';

/** Entries of a ledger: closed round trips and equity points. */
export interface LedgerEntries {
  readonly trips: readonly RoundTrip[];
  readonly points: readonly EquityPoint[];
}

/** A round trip's natural key: the order event that closed it. */
export function roundTripKey(trip: RoundTrip): string {
  return `${trip.closingOrderId}:${trip.closingSequence}`;
}

/**
 * What a strategy's performance is measured from: its closed round trips (one per closing order
 * event) and its equity curve (one point per instant: the first recorded at an instant stays).
 * Adding returns only what was new, so a replayed candle or order event records nothing twice.
 */
export class PerformanceLedger {
  private readonly trips = new Map<string, RoundTrip>();
  private readonly points = new Map<number, EquityPoint>();

  add(entries: LedgerEntries): LedgerEntries {
    const trips = entries.trips.filter((trip) => !this.trips.has(roundTripKey(trip)));
    const points = entries.points.filter((point) => !this.points.has(point.at.getTime()));
    trips.forEach((trip) => this.trips.set(roundTripKey(trip), trip));
    points.forEach((point) => this.points.set(point.at.getTime(), point));
    return { trips, points };
  }

  /** Takes back entries whose storing failed, so that a retry records them. */
  forget(entries: LedgerEntries): void {
    entries.trips.forEach((trip) => this.trips.delete(roundTripKey(trip)));
    entries.points.forEach((point) => this.points.delete(point.at.getTime()));
  }

  /** The time of the newest equity point: what the figures are as of. */
  asOf(): Date | null {
    let newest: number | null = null;
    for (const at of this.points.keys()) {
      newest = newest === null ? at : Math.max(newest, at);
    }
    return newest === null ? null : new Date(newest);
  }

  measure(openPositions: readonly OpenPositionMark[]): Performance {
    return measurePerformance({
      trades: [...this.trips.values()],
      equityCurve: [...this.points.values()],
      openPositions,
    });
  }
}
