import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TradePriceLogPort } from '../ports/trade-price-log.port';
import { ForgetTradePricesCommand } from './forget-trade-prices.command';

@CommandHandler(ForgetTradePricesCommand)
export class ForgetTradePricesHandler implements ICommandHandler<ForgetTradePricesCommand> {
  constructor(private readonly prices: TradePriceLogPort) {}

  execute({ before }: ForgetTradePricesCommand): Promise<void> {
    return this.prices.forgetBefore(before);
  }
}
