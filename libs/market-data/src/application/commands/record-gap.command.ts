import { Command } from '@nestjs/cqrs';

import type { GapRecord } from '../ports/tick-store.port';

/** Record a window in which trades may be missing (written with the next batch, retried). */
export class RecordGapCommand extends Command<void> {
  constructor(readonly gap: GapRecord) {
    super();
  }
}
