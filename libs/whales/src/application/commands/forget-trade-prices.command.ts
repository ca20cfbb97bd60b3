import { Command } from '@nestjs/cqrs';

/** Deletes the trade prices before `before`: every impact horizon is settled long before. */
export class ForgetTradePricesCommand extends Command<void> {
  constructor(readonly before: Date) {
    super();
  }
}
