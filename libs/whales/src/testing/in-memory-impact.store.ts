import {
  ImpactStorePort,
  type ActivityAwaitingImpact,
  type ImpactMeasurement,
} from '../application/ports/impact-store.port';

/** Like SELECT_AWAITING_IMPACT: an activity the saga never scheduled falls due 2 min after detection. */
const UNSCHEDULED_DUE_AFTER_MS = 2 * 60_000;

/**
 * Activities awaiting impact (given by the test) with their schedule, and the measurements saved
 * for them, by stored id.
 */
export class InMemoryImpactStore extends ImpactStorePort {
  readonly saved = new Map<string, ImpactMeasurement[]>();
  /** When each activity is next due; absent: done, or never scheduled (then due 2 min after detection). */
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
    const done = (a: ActivityAwaitingImpact) =>
      this.saved.get(a.storedId)?.some((m) => m.done) ?? false;
    const due = (a: ActivityAwaitingImpact) =>
      this.dueAt.get(a.storedId)?.getTime() ?? a.detectedAt.getTime() + UNSCHEDULED_DUE_AFTER_MS;
    return Promise.resolve(
      this.activities
        .filter((a) => !done(a) && due(a) <= dueBy.getTime())
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
