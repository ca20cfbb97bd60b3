import { Command } from '@nestjs/cqrs';

import type { WhaleEvent } from '../../domain/strategy';

/** Show the strategy a whale (its effect is the strategy's own, see each strategy). */
export class ObserveWhaleCommand extends Command<void> {
  constructor(readonly whale: WhaleEvent) {
    super();
  }
}
