import { Command } from '@nestjs/cqrs';

/**
 * Materialize the candle aggregates up to `now`, bottom-up: the routine window, or from the day
 * of `from` when trades arrived late there. Result: false when a level failed (logged; the next
 * refresh retries).
 */
export class RefreshCandlesCommand extends Command<boolean> {
  constructor(
    readonly now: Date,
    readonly from: Date | null = null,
  ) {
    super();
  }
}
