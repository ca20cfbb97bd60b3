import { Command } from '@nestjs/cqrs';

import type { DispatchRound } from '../alerts/alert-dispatcher';

/** Sends the alerts due at `now` that the channels' limits allow. */
export class DispatchAlertsCommand extends Command<DispatchRound> {
  constructor(readonly now: Date) {
    super();
  }
}
