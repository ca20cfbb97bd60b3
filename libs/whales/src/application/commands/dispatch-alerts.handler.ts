import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { AlertDispatcher, type DispatchRound } from '../alerts/alert-dispatcher';
import { DispatchAlertsCommand } from './dispatch-alerts.command';

/**
 * Drains the alert outbox once. The dispatcher keeps each channel's rate limit and pause across
 * rounds and never drains a channel twice at once, so the loop and the saga can both ask.
 */
@CommandHandler(DispatchAlertsCommand)
export class DispatchAlertsHandler implements ICommandHandler<DispatchAlertsCommand> {
  constructor(private readonly dispatcher: AlertDispatcher) {}

  execute({ now }: DispatchAlertsCommand): Promise<DispatchRound> {
    return this.dispatcher.runOnce(now);
  }
}
