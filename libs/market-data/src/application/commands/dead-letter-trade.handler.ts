import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TickWriter } from '../ingestion/tick-writer';
import { DeadLetterTradeCommand } from './dead-letter-trade.command';

@CommandHandler(DeadLetterTradeCommand)
export class DeadLetterTradeHandler implements ICommandHandler<DeadLetterTradeCommand> {
  constructor(private readonly writer: TickWriter) {}

  execute({ letter }: DeadLetterTradeCommand): Promise<void> {
    this.writer.deadLetter(letter);
    return Promise.resolve();
  }
}
