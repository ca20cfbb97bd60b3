import { Command } from '@nestjs/cqrs';

import type { RoundTrip } from '../../domain/engine/strategy-book';

/**
 * Record the strategy's equity at `at` (a candle's end or a fill) and the trip a fill closed, then
 * store its figures re-measured. False when all of it was recorded before (a replay).
 */
export class RecordPerformanceCommand extends Command<boolean> {
  constructor(
    readonly at: Date,
    readonly closedTrip: RoundTrip | null,
  ) {
    super();
  }
}
