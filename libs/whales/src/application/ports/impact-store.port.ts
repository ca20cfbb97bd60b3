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
}

/** Activities whose impact is not fully measured. */
export abstract class ImpactStorePort {
  /** Activities detected at or before `detectedBefore` with a horizon still open, oldest first. */
  abstract awaitingImpact(detectedBefore: Date, limit: number): Promise<ActivityAwaitingImpact[]>;

  abstract saveImpact(storedId: string, measurement: ImpactMeasurement): Promise<void>;
}
