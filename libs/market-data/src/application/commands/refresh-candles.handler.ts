import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CandleAggregatesPort } from '../ports/candle-aggregates.port';
import { RefreshCandlesCommand } from './refresh-candles.command';

@CommandHandler(RefreshCandlesCommand)
export class RefreshCandlesHandler implements ICommandHandler<RefreshCandlesCommand> {
  constructor(private readonly aggregates: CandleAggregatesPort) {}

  execute({ now, from }: RefreshCandlesCommand): Promise<boolean> {
    return from ? this.aggregates.refreshSince(from, now) : this.aggregates.refresh(now);
  }
}
