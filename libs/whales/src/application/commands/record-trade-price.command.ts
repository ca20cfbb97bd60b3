import { Command } from '@nestjs/cqrs';

import type { TradePrice } from '../ports/trade-price-log.port';

/** Records a trade read from `trades:{SYMBOL}` in the context's own price log. */
export class RecordTradePriceCommand extends Command<void> {
  constructor(readonly trade: TradePrice) {
    super();
  }
}
