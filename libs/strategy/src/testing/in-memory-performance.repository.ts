import { PerformanceRepository } from '../application/ports/performance.repository.port';
import type { StrategyPerformanceView } from '../application/queries/performance-read-model.port';
import type { LedgerEntries } from '../domain/engine/performance-ledger';
import type { RoundTrip } from '../domain/engine/strategy-book';
import type { EquityPoint } from '../domain/performance';

/** Every recorded trip and point in arrays (as appended) and the latest figures per strategy. */
export class InMemoryPerformanceRepository extends PerformanceRepository {
  readonly trips: (RoundTrip & { strategyId: string })[] = [];
  readonly points: (EquityPoint & { strategyId: string })[] = [];
  readonly figures = new Map<string, StrategyPerformanceView>();

  history(strategyId: string): Promise<LedgerEntries> {
    return Promise.resolve({
      trips: this.trips.filter((trip) => trip.strategyId === strategyId),
      points: this.points.filter((point) => point.strategyId === strategyId),
    });
  }

  record(
    strategyId: string,
    added: LedgerEntries,
    figures: StrategyPerformanceView,
  ): Promise<void> {
    this.trips.push(...added.trips.map((trip) => ({ ...trip, strategyId })));
    this.points.push(...added.points.map((point) => ({ ...point, strategyId })));
    this.figures.set(strategyId, figures);
    return Promise.resolve();
  }
}
