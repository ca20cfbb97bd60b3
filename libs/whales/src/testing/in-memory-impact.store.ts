import {
  ImpactStorePort,
  type ActivityAwaitingImpact,
  type ImpactMeasurement,
} from '../application/ports/impact-store.port';

/**
 * Activities awaiting impact (given by the test) with their schedule, and the measurements saved
 * for them, by stored id.
 */
export class InMemoryImpactStore extends ImpactStorePort {
  readonly saved = new Map<string, ImpactMeasurement[]>();
  /** When each activity is next due; absent: not scheduled, or done. */
  readonly dueAt = new Map<string, Date>();

  constructor(private readonly activities: ActivityAwaitingImpact[] = []) {
    super();
  }

  schedule(storedId: string, dueAt: Date): Promise<void> {
    if (!this.dueAt.has(storedId) && !this.saved.get(storedId)?.some((m) => m.done)) {
      this.dueAt.set(storedId, dueAt);
    }
    return Promise.resolve();
  }

  awaitingImpact(dueBy: Date, limit: number): Promise<ActivityAwaitingImpact[]> {
    const due = (a: ActivityAwaitingImpact) => this.dueAt.get(a.storedId)?.getTime() ?? Infinity;
    return Promise.resolve(
      this.activities
        .filter((a) => due(a) <= dueBy.getTime())
        .sort((a, b) => due(a) - due(b))
        .slice(0, limit),
    );
  }

  saveImpact(storedId: string, measurement: ImpactMeasurement): Promise<void> {
    this.saved.set(storedId, [...(this.saved.get(storedId) ?? []), measurement]);
    if (measurement.nextDueAt) {
      this.dueAt.set(storedId, measurement.nextDueAt);
    } else {
      this.dueAt.delete(storedId);
    }
    return Promise.resolve();
  }
}
