import { Command } from '@nestjs/cqrs';

import type { DeadLetter } from '../ports/tick-store.port';

/** Keep a trade that cannot be stored, with the reason (written with the next batch). */
export class DeadLetterTradeCommand extends Command<void> {
  constructor(readonly letter: DeadLetter) {
    super();
  }
}
