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
 * event) and its equity curve (one point per instant). The point just recorded is replaced when
 * another comes at its instant with other equity (the other symbols' candles closing then); any
 * earlier point is never rewritten, so a replayed candle or order event records nothing.
 */
export class PerformanceLedger {
  private readonly trips = new Map<string, RoundTrip>();
  private readonly points = new Map<number, EquityPoint>();
  private newest: number | null = null;
  /** The instant of the point recorded last (in processing order): the one still open to updates. */
  private latestRecorded: number | null = null;

  /** Takes in the stored history at start-up: none of it is open to updates. */
  restore(history: LedgerEntries): void {
    this.add(history);
    this.latestRecorded = null;
  }

  /** Takes in what is new or changed and returns only that: what to store. */
  add(entries: LedgerEntries): LedgerEntries {
    const trips = entries.trips.filter((trip) => !this.trips.has(roundTripKey(trip)));
    trips.forEach((trip) => this.trips.set(roundTripKey(trip), trip));
    const points = entries.points.filter((point) => this.takes(point));
    return { trips, points };
  }

  /** Takes back entries whose storing failed, so that a retry records them. */
  forget(entries: LedgerEntries): void {
    entries.trips.forEach((trip) => this.trips.delete(roundTripKey(trip)));
    entries.points.forEach((point) => this.points.delete(point.at.getTime()));
    this.newest = null;
    this.latestRecorded = null;
    for (const at of this.points.keys()) {
      this.newest = this.newest === null ? at : Math.max(this.newest, at);
    }
  }

  /** The time of the newest equity point: what the figures are as of. */
  asOf(): Date | null {
    return this.newest === null ? null : new Date(this.newest);
  }

  measure(openPositions: readonly OpenPositionMark[]): Performance {
    return measurePerformance({
      trades: [...this.trips.values()],
      equityCurve: [...this.points.values()],
      openPositions,
    });
  }

  private takes(point: EquityPoint): boolean {
    const at = point.at.getTime();
    const stored = this.points.get(at);
    const replaces =
      stored !== undefined &&
      at === this.latestRecorded &&
      (stored.equityUsd !== point.equityUsd || stored.inPosition !== point.inPosition);
    if (stored !== undefined && !replaces) {
      return false;
    }
    this.points.set(at, point);
    this.latestRecorded = at;
    this.newest = this.newest === null ? at : Math.max(this.newest, at);
    return true;
  }
}
