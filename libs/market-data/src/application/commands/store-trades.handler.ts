import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TickWriter } from '../ingestion/tick-writer';
import { StoreTradesCommand } from './store-trades.command';

@CommandHandler(StoreTradesCommand)
export class StoreTradesHandler implements ICommandHandler<StoreTradesCommand> {
  constructor(private readonly writer: TickWriter) {}

  execute({ ticks }: StoreTradesCommand): Promise<void> {
    this.writer.accept(ticks);
    return Promise.resolve();
  }
}
