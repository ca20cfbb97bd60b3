import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { StrategyBook } from '../../domain/engine/strategy-book';
import { PerformanceRepository } from '../ports/performance.repository.port';
import type { StrategyPerformanceView } from '../queries/performance-read-model.port';
import { StrategyRuntime } from '../strategy-runtime';
import { StrategyMetrics } from '../strategy.metrics';
import { RecordPerformanceCommand } from './record-performance.command';

@CommandHandler(RecordPerformanceCommand)
export class RecordPerformanceHandler implements ICommandHandler<RecordPerformanceCommand> {
  constructor(
    private readonly runtime: StrategyRuntime,
    private readonly repository: PerformanceRepository,
    private readonly metrics: StrategyMetrics,
  ) {}

  async execute({
    at,
    closedTrip,
    book = this.runtime.book,
  }: RecordPerformanceCommand): Promise<boolean> {
    const { strategyId, performance } = this.runtime;
    const added = performance.add({
      trips: closedTrip ? [closedTrip] : [],
      points: [
        { at, equityUsd: book.equityUsd().toFixed(), inPosition: book.positions().length > 0 },
      ],
    });
    if (added.trips.length === 0 && added.points.length === 0) {
      return false;
    }
    const figures = this.figures(at, book);
    try {
      await this.repository.record(strategyId, added, figures);
    } catch (error) {
      performance.forget(added);
      throw error;
    }
    this.metrics.recordPerformance(figures);
    return true;
  }

  private figures(at: Date, book: StrategyBook): StrategyPerformanceView {
    const { strategyId, performance } = this.runtime;
    const measured = performance.measure(book.openMarks());
    return {
      strategyId,
      asOf: performance.asOf() ?? at,
      startingEquityUsd: book.startingEquityUsd.toFixed(),
      equityUsd: book.equityUsd().toFixed(),
      realisedPnlUsd: measured.realisedPnlUsd,
      unrealisedPnlUsd: measured.unrealisedPnlUsd,
      totalPnlUsd: measured.totalPnlUsd,
      tradeCount: measured.tradeCount,
      wins: measured.wins,
      losses: measured.losses,
      winRate: measured.winRate,
      sharpe: measured.sharpe,
      sortino: measured.sortino,
      maxDrawdownUsd: measured.maxDrawdownUsd,
      maxDrawdownPct: measured.maxDrawdownPct,
      exposure: measured.exposure,
    };
  }
}
