import type { ImpactHorizon } from '../../domain/market-impact';
import type { BookSide } from '../../domain/order-book';

export interface ActivityAwaitingImpact {
  readonly storedId: string;
  readonly symbol: string;
  readonly side: BookSide;
  readonly detectedAt: Date;
  /** The book mid at detection: the base when no trade came before the detection. */
  readonly priceAtDetection: string;
  /** Horizons measured or given up. */
  readonly settled: readonly ImpactHorizon[];
}

export interface ImpactMeasurement {
  readonly measured: readonly { horizon: ImpactHorizon; bps: number }[];
  readonly missed: readonly ImpactHorizon[];
  /** Every horizon measured or missed: the activity is never looked at again. */
  readonly done: boolean;
  /** When to look again (a horizon still to measure); null when done. */
  readonly nextDueAt: Date | null;
}

/** Activities whose impact is not fully measured, and when each is next due. */
export abstract class ImpactStorePort {
  /** Records when an activity's first measurement is due; one already scheduled is left as is. */
  abstract schedule(storedId: string, dueAt: Date): Promise<void>;

  /** Activities with a measurement due at or before `dueBy`, most overdue first. */
  abstract awaitingImpact(dueBy: Date, limit: number): Promise<ActivityAwaitingImpact[]>;

  abstract saveImpact(storedId: string, measurement: ImpactMeasurement): Promise<void>;
}
