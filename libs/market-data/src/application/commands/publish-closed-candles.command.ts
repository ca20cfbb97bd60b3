import { Command } from '@nestjs/cqrs';

/**
 * Publish a CandleClosedEvent for every candle whose bucket became due since the last run, up to
 * `now`. Result: how many were published.
 */
export class PublishClosedCandlesCommand extends Command<number> {
  constructor(readonly now: Date) {
    super();
  }
}
