import { DeadLetterTradeCommand } from '../application/commands/dead-letter-trade.command';
import { DeadLetterTradeHandler } from '../application/commands/dead-letter-trade.handler';
import { RecordGapCommand } from '../application/commands/record-gap.command';
import { RecordGapHandler } from '../application/commands/record-gap.handler';
import { StoreTradesCommand } from '../application/commands/store-trades.command';
import { StoreTradesHandler } from '../application/commands/store-trades.handler';
import type { TickWriter } from '../application/ingestion/tick-writer';
import { InMemoryCommandBus } from './in-memory-command-bus';

/** The ingestion's commands routed to their real handlers over `writer`, without Nest. */
export function ingestionCommandBus(writer: TickWriter): InMemoryCommandBus {
  return new InMemoryCommandBus()
    .register(StoreTradesCommand, new StoreTradesHandler(writer))
    .register(DeadLetterTradeCommand, new DeadLetterTradeHandler(writer))
    .register(RecordGapCommand, new RecordGapHandler(writer));
}
