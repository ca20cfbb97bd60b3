import { Command } from '@nestjs/cqrs';

import type { Tick } from '../../domain/tick';

/**
 * Store normalised trades (one feed message's, or a backfill's). Accepted into the TickWriter's
 * batch, not yet written: the write is reported by TradesStoredEvent.
 */
export class StoreTradesCommand extends Command<void> {
  constructor(readonly ticks: readonly Tick[]) {
    super();
  }
}
