import {
  ImpactStorePort,
  type ActivityAwaitingImpact,
  type ImpactMeasurement,
} from '../application/ports/impact-store.port';

/** Activities awaiting impact and the measurements saved for them, by stored id. */
export class InMemoryImpactStore extends ImpactStorePort {
  readonly saved = new Map<string, ImpactMeasurement[]>();

  constructor(private readonly activities: ActivityAwaitingImpact[] = []) {
    super();
  }

  awaitingImpact(detectedBefore: Date, limit: number): Promise<ActivityAwaitingImpact[]> {
    return Promise.resolve(
      this.activities
        .filter((a) => a.detectedAt.getTime() <= detectedBefore.getTime())
        .slice(0, limit),
    );
  }

  saveImpact(storedId: string, measurement: ImpactMeasurement): Promise<void> {
    this.saved.set(storedId, [...(this.saved.get(storedId) ?? []), measurement]);
    return Promise.resolve();
  }
}
