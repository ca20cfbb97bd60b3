import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TickWriter } from '../ingestion/tick-writer';
import { RecordGapCommand } from './record-gap.command';

@CommandHandler(RecordGapCommand)
export class RecordGapHandler implements ICommandHandler<RecordGapCommand> {
  constructor(private readonly writer: TickWriter) {}

  execute({ gap }: RecordGapCommand): Promise<void> {
    this.writer.recordGap(gap);
    return Promise.resolve();
  }
}
