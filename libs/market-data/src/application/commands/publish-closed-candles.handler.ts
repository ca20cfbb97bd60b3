import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';

import { CandleCloseCursor } from '../../domain/closed-buckets';
import { CandleClosedEvent } from '../events/candle-closed.event';
import { ClosedCandlesPort } from '../ports/closed-candles.port';
import { PublishClosedCandlesCommand } from './publish-closed-candles.command';

/**
 * Reads each due bucket's candles and publishes them, oldest bucket first. A failed read leaves
 * that bucket and the later ones due for the next run; a bucket is published at most once.
 */
@CommandHandler(PublishClosedCandlesCommand)
export class PublishClosedCandlesHandler implements ICommandHandler<PublishClosedCandlesCommand> {
  constructor(
    private readonly cursor: CandleCloseCursor,
    private readonly candles: ClosedCandlesPort,
    private readonly events: EventBus,
  ) {}

  async execute({ now }: PublishClosedCandlesCommand): Promise<number> {
    let published = 0;
    for (const bucket of this.cursor.due(now)) {
      const candles = await this.candles.candlesOf(bucket);
      this.events.publishAll(
        candles.map(
          ({ symbol, ...candle }) => new CandleClosedEvent(symbol, bucket.timeframe, candle),
        ),
      );
      this.cursor.markDone(bucket);
      published += candles.length;
    }
    this.cursor.advance(now);
    return published;
  }
}
