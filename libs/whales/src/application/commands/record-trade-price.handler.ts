import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TradePriceLogPort } from '../ports/trade-price-log.port';
import { RecordTradePriceCommand } from './record-trade-price.command';

/** The log keeps the last trade of each second per symbol. */
@CommandHandler(RecordTradePriceCommand)
export class RecordTradePriceHandler implements ICommandHandler<RecordTradePriceCommand> {
  constructor(private readonly prices: TradePriceLogPort) {}

  execute({ trade }: RecordTradePriceCommand): Promise<void> {
    return this.prices.record(trade);
  }
}
