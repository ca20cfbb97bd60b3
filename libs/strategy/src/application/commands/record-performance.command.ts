import { Command } from '@nestjs/cqrs';

import type { RoundTrip, StrategyBook } from '../../domain/engine/strategy-book';

/**
 * Record the strategy's equity at `at` (a candle's end or a fill) and the trip a fill closed, then
 * store its figures re-measured. False when all of it was recorded before (a replay). `book` is
 * the book to measure when not the engine's own: the one an order event will move it to.
 */
export class RecordPerformanceCommand extends Command<boolean> {
  constructor(
    readonly at: Date,
    readonly closedTrip: RoundTrip | null,
    readonly book?: StrategyBook,
  ) {
    super();
  }
}
